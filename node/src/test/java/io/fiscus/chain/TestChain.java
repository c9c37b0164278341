package io.fiscus.chain;

import io.fiscus.block.Block;
import io.fiscus.block.BlockHeader;
import io.fiscus.block.LogsBloom;
import io.fiscus.block.QbftBlockHashing;
import io.fiscus.block.QbftExtraData;
import io.fiscus.block.QbftExtraDataCodec;
import io.fiscus.contracts.SystemContracts;
import io.fiscus.execution.BlockContext;
import io.fiscus.execution.BlockExecution;
import io.fiscus.execution.BlockExecutor;
import io.fiscus.execution.TransferWorkload;
import io.fiscus.state.StateChanges;
import io.fiscus.state.StateCommitment;
import io.fiscus.storage.KeyValueStore;
import io.fiscus.trie.TrieCommit;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a real chain on a store: the {@link TransferWorkload} genesis, blocks executed by the
 * contracts' {@link BlockExecutor} against the store's flat state, state roots from a {@link
 * StateCommitment} over the store's trie nodes, QBFT headers and hashes.
 */
final class TestChain {
  static final long GAS_LIMIT = 2_000_000_000L;
  static final long BALANCE = 1_000_000;
  static final long GENESIS_TIMESTAMP = 1_800_000_000L;

  /** A block ready to commit, with what the executor produced for it. */
  record Prepared(CommittedBlock block, StateChanges changes, TrieCommit trie) {}

  final TransferWorkload workload;
  final KeyValueStore store;
  final BlockIndexer indexer;
  final ChainStore chain;
  private final BlockExecutor executor = new BlockExecutor(new SystemContracts());
  private final List<Address> validators;
  private StateCommitment commitment;
  private StateChanges genesisChanges;

  TestChain(KeyValueStore store, int accountCount) {
    this(store, accountCount, new RecordingIndexer());
  }

  TestChain(KeyValueStore store, int accountCount, BlockIndexer indexer) {
    this.workload = new TransferWorkload(accountCount);
    this.store = store;
    this.indexer = indexer;
    this.chain = ChainStore.open(store, indexer);
    this.validators = List.of(workload.account(0));
  }

  /** Commits the workload's genesis; returns its block. */
  Block commitGenesis() {
    genesisChanges = workload.genesisChanges(BALANCE);
    commitment = new StateCommitment(chain.trieNodes(), Hash.EMPTY_TRIE);
    TrieCommit trie = commitment.apply(genesisChanges);
    BlockHeader header =
        BlockHeader.qbft(
            Hash.ZERO,
            Address.ZERO,
            trie.root(),
            Hash.EMPTY_TRIE,
            Hash.EMPTY_TRIE,
            LogsBloom.EMPTY,
            0,
            GAS_LIMIT,
            0,
            GENESIS_TIMESTAMP,
            QbftExtraDataCodec.encode(QbftExtraData.genesis(validators)));
    Block genesis = new Block(header, List.of());
    chain.commitGenesis(genesis, genesisChanges, trie);
    return genesis;
  }

  StateChanges genesisChanges() {
    return genesisChanges;
  }

  /** Continues a chain already in the store (after a reopen). */
  void resume() {
    commitment = new StateCommitment(chain.trieNodes(), chain.headHeader().stateRoot());
  }

  /** Executes and commits the next block. */
  Prepared commitNext(List<SignedTransaction> transactions) {
    Prepared prepared = prepareNext(transactions);
    chain.commit(prepared.block(), prepared.changes(), prepared.trie());
    return prepared;
  }

  Prepared prepareNext(List<SignedTransaction> transactions) {
    return prepare(chain.headNumber() + 1, chain.headHash(), transactions);
  }

  /**
   * Executes {@code transactions} on the head state as block {@code number} with {@code parent}.
   * Advances the in-memory commitment: call {@link #resume()} if the block is not committed.
   */
  Prepared prepare(long number, Hash parent, List<SignedTransaction> transactions) {
    long timestamp = GENESIS_TIMESTAMP + number;
    BlockExecution execution =
        executor.execute(
            chain.latestState(), new BlockContext(number, timestamp, GAS_LIMIT), transactions);
    if (!(execution instanceof BlockExecution.Executed executed)) {
      throw new AssertionError("test block is invalid: " + execution);
    }
    TrieCommit trie = commitment.apply(executed.changes());
    Bytes extraData =
        QbftExtraDataCodec.encode(
            new QbftExtraData(
                QbftExtraData.ZERO_VANITY, validators, Optional.empty(), 0, List.of()));
    BlockHeader header =
        BlockHeader.qbft(
            parent,
            validators.get(0),
            trie.root(),
            executed.transactionsRoot(),
            executed.receiptsRoot(),
            executed.logsBloom(),
            number,
            GAS_LIMIT,
            executed.gasUsed(),
            timestamp,
            extraData);
    List<Bytes> raw = transactions.stream().map(SignedTransaction::raw).toList();
    CommittedBlock block =
        new CommittedBlock(
            QbftBlockHashing.blockHash(header),
            new Block(header, raw),
            transactions,
            executed.outcomes());
    return new Prepared(block, executed.changes(), trie);
  }

  /** Signs transfers with the next nonces of their senders on the head state. */
  List<SignedTransaction> transfers(List<int[]> fromToAmount) {
    Map<Integer, Long> nonces = new HashMap<>();
    List<SignedTransaction> transactions = new ArrayList<>();
    for (int[] transfer : fromToAmount) {
      int from = transfer[0];
      long nonce =
          nonces.computeIfAbsent(
              from, account -> chain.latestState().nonce(workload.account(account)));
      transactions.add(workload.transfer(from, transfer[1], transfer[2], nonce));
      nonces.put(from, nonce + 1);
    }
    return transactions;
  }
}
