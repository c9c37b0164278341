package io.fiscus.consensus.driver;

import io.fiscus.block.Block;
import io.fiscus.block.BlockHeader;
import io.fiscus.block.LogsBloom;
import io.fiscus.block.QbftExtraData;
import io.fiscus.block.QbftExtraDataCodec;
import io.fiscus.chain.ChainWriter;
import io.fiscus.consensus.qbft.NodeKey;
import io.fiscus.consensus.qbft.QbftConfig;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.execution.TransferWorkload;
import io.fiscus.state.StateChanges;
import io.fiscus.state.StateCommitment;
import io.fiscus.trie.MemoryTrieNodeStore;
import io.fiscus.trie.TrieCommit;
import io.fiscus.types.Address;
import io.fiscus.types.Hash;
import java.math.BigInteger;
import java.util.List;

/** A one-validator genesis over the transfer workload's accounts. */
final class TestChain {
  static final long GAS_LIMIT = 30_000_000;
  static final long GENESIS_TIMESTAMP = 1_700_000_000;
  static final PrivateKey VALIDATOR_KEY = new PrivateKey(BigInteger.valueOf(0xa11ce));
  static final NodeKey NODE_KEY = NodeKey.of(VALIDATOR_KEY);
  static final Address VALIDATOR = NODE_KEY.address();

  private TestChain() {}

  static QbftConfig config(long blockPeriodMillis) {
    return QbftConfig.of(blockPeriodMillis, 2_000);
  }

  /** Commits the genesis of {@code workload} with {@code validators} to {@code writer}. */
  static Block commitGenesis(
      ChainWriter writer, TransferWorkload workload, List<Address> validators) {
    StateChanges changes = workload.genesisChanges(1_000_000_000L);
    TrieCommit trie =
        new StateCommitment(new MemoryTrieNodeStore(), Hash.EMPTY_TRIE).apply(changes);
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
    writer.commitGenesis(genesis, changes, trie);
    return genesis;
  }
}
