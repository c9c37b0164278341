package io.fiscus.network;

import io.fiscus.block.Block;
import io.fiscus.block.BlockHeader;
import io.fiscus.block.LogsBloom;
import io.fiscus.block.QbftExtraData;
import io.fiscus.block.QbftExtraDataCodec;
import io.fiscus.consensus.qbft.NodeKey;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.execution.TransferWorkload;
import io.fiscus.p2p.PeerId;
import io.fiscus.state.StateChanges;
import io.fiscus.state.StateCommitment;
import io.fiscus.trie.MemoryTrieNodeStore;
import io.fiscus.trie.TrieCommit;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.types.Address;
import io.fiscus.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A genesis with {@code validatorCount} validators (keys 0..n-1) and the transfer workload's
 * accounts, extra node keys that are not validators, a hub, and the nodes started on it.
 */
final class TestNetwork implements AutoCloseable {
  static final long GAS_LIMIT = 30_000_000;
  static final long GENESIS_TIMESTAMP = 1_700_000_000;

  final TransferWorkload workload = new TransferWorkload(8);
  final FakeNetworkHub hub = new FakeNetworkHub();
  private final List<PrivateKey> validatorKeys;
  private final List<TestNode> nodes = new ArrayList<>();
  private final long[] nonces = new long[8];

  TestNetwork(int validatorCount) {
    List<PrivateKey> keys = new ArrayList<>();
    for (int i = 0; i < validatorCount; i++) {
      keys.add(key(i));
    }
    this.validatorKeys = List.copyOf(keys);
  }

  /** Node key {@code index}: the validators are 0..n-1, higher indexes are other nodes. */
  static PrivateKey key(int index) {
    return new PrivateKey(BigInteger.valueOf(0x70de_0000L + index));
  }

  static Address address(int index) {
    return NodeKey.of(key(index)).address();
  }

  static PeerId peerId(int index) {
    return new PeerId(Secp256k1.signer().publicKey(key(index)));
  }

  List<PrivateKey> validatorKeys() {
    return validatorKeys;
  }

  /** Builds and starts node {@code index} (not yet connected to anyone). */
  TestNode start(int index) {
    TestNode node = new TestNode(this, key(index), peerId(index));
    nodes.add(node);
    node.start();
    return node;
  }

  /** Starts node {@code index} and connects it to every running node. */
  TestNode startConnected(int index) {
    TestNode node = start(index);
    for (TestNode other : nodes) {
      hub.connect(node.peerId(), other.peerId());
    }
    return node;
  }

  /** The genesis block, committed to {@code node}'s chain. */
  void commitGenesis(TestNode node) {
    StateChanges changes = workload.genesisChanges(1_000_000_000L);
    TrieCommit trie =
        new StateCommitment(new MemoryTrieNodeStore(), Hash.EMPTY_TRIE).apply(changes);
    List<Address> validators = validatorKeys.stream().map(k -> NodeKey.of(k).address()).toList();
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
    node.chain().commitGenesis(new Block(header, List.of()), changes, trie);
  }

  /** {@code count} transfers among the payers, nonces continuing from the ones made before. */
  synchronized List<SignedTransaction> transfers(int count) {
    int payers = 7;
    List<SignedTransaction> transfers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int from = 1 + i % payers;
      transfers.add(workload.transfer(from, 1 + (i + 1) % payers, 1 + i, nonces[from]++));
    }
    return transfers;
  }

  @Override
  public void close() {
    for (TestNode node : nodes.reversed()) {
      node.stop();
    }
  }
}
