package io.fiscus.rpc.access;

import io.fiscus.abi.AbiReader;
import io.fiscus.abi.AbiSignatures;
import io.fiscus.abi.AbiWriter;
import io.fiscus.chain.CommitWatch;
import io.fiscus.contracts.SystemContracts;
import io.fiscus.contracts.system.CallContext;
import io.fiscus.contracts.system.CallOutcome;
import io.fiscus.contracts.system.SystemAddresses;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.execution.BlockExecutor;
import io.fiscus.execution.TransferWorkload;
import io.fiscus.mempool.Mempool;
import io.fiscus.mempool.MempoolConfig;
import io.fiscus.mempool.NodeAccountSender;
import io.fiscus.metrics.NodeMetrics;
import io.fiscus.testchain.TestChain;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import java.time.Duration;
import java.util.List;

/**
 * The recorder's real parts in memory: a {@link TestChain} of registered accounts (the transfer
 * workload's, account 0 the central bank) whose store tells the real {@link Mempool} and a {@link
 * CommitWatch} of each block, and a block producer the test drives: {@link #commitPooled} plays the
 * validators, committing what the pool offers.
 */
final class RecordingChain {
  static final int ACCOUNTS = 4;

  final TransferWorkload workload = new TransferWorkload(ACCOUNTS);
  final TestChain chain = TestChain.ofTransfers(workload, 1_000_000L);
  final NodeMetrics metrics = new NodeMetrics();
  final Mempool pool =
      new Mempool(
          MempoolConfig.defaults(),
          TransferWorkload.CHAIN_ID,
          TestChain.GAS_LIMIT,
          chain.chainStore()::latestState,
          new BlockExecutor(new SystemContracts()),
          metrics);
  final CommitWatch commits = new CommitWatch();

  RecordingChain() {
    chain.chainStore().addListener(pool);
    chain.chainStore().addListener(commits);
  }

  NodeAccountSender sender(PrivateKey nodeKey) {
    return new NodeAccountSender(
        nodeKey,
        TransferWorkload.CHAIN_ID,
        pool,
        chain.chainStore()::latestState,
        new SystemContracts());
  }

  OnChainAccessLog accessLog(PrivateKey nodeKey, Duration timeout) {
    return new OnChainAccessLog(sender(nodeKey), commits, timeout, metrics);
  }

  /** Commits one block of what the pool selects now (possibly empty); returns its size. */
  synchronized int commitPooled() {
    List<SignedTransaction> selected = pool.select(TestChain.GAS_LIMIT, 1_000);
    chain.append(selected);
    return selected.size();
  }

  /** The latest record of (submitter, access-log, subject): {version, payload, blockNumber}. */
  LatestRecord latest(Address submitter, Address subject) {
    Bytes call =
        AbiSignatures.selectorBytes(AbiSignatures.selector("latest(address,bytes32,bytes32)"))
            .concat(
                new AbiWriter(3)
                    .address(submitter)
                    .bytes32(AccessLogCodec.KIND)
                    .bytes32(AccessLogCodec.key(subject))
                    .toBytes());
    CallOutcome outcome =
        new SystemContracts()
            .view(
                new CallContext(Address.ZERO, chain.chainStore().headNumber(), 0),
                chain.chainStore().latestState(),
                SystemAddresses.LEDGER_RECORDS,
                call);
    if (!(outcome instanceof CallOutcome.Success success)) {
      throw new AssertionError("latest reverted: " + outcome);
    }
    AbiReader result = AbiReader.ofTuple(success.returnData(), 3);
    return new LatestRecord(result.uint64(), result.bytes(), result.uint64());
  }

  record LatestRecord(long version, Bytes payload, long blockNumber) {}
}
