package io.fiscus.consensus.driver;

import io.fiscus.block.Block;
import io.fiscus.block.BlockHeader;
import io.fiscus.block.TransactionOutcome;
import io.fiscus.chain.ChainListener;
import io.fiscus.chain.ChainReader;
import io.fiscus.chain.ChainWriter;
import io.fiscus.chain.CommittedBlock;
import io.fiscus.chain.TransactionLocation;
import io.fiscus.state.MemoryState;
import io.fiscus.state.StateChanges;
import io.fiscus.state.StateView;
import io.fiscus.trie.MemoryTrieNodeStore;
import io.fiscus.trie.TrieCommit;
import io.fiscus.trie.TrieNodeStore;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** An in-memory chain: blocks in a list, flat state in a map, trie nodes in memory. */
final class FakeChain implements ChainReader, ChainWriter {
  private final List<CommittedBlock> blocks = new ArrayList<>();
  private final MemoryState state = new MemoryState();
  private final MemoryTrieNodeStore trieNodes = new MemoryTrieNodeStore();
  private final List<ChainListener> listeners = new CopyOnWriteArrayList<>();

  @Override
  public synchronized void commitGenesis(Block genesis, StateChanges changes, TrieCommit trie) {
    if (!blocks.isEmpty()) {
      throw new IllegalStateException("genesis exists");
    }
    state.apply(changes);
    trieNodes.putAll(trie);
    blocks.add(new CommittedBlock(ChainBlock.of(genesis).hash(), genesis, List.of(), List.of()));
  }

  @Override
  public void commit(CommittedBlock block, StateChanges changes, TrieCommit trie) {
    synchronized (this) {
      BlockHeader header = block.block().header();
      if (header.number() != blocks.size()
          || !header.parentHash().equals(blocks.get(blocks.size() - 1).hash())) {
        throw new IllegalStateException("not the next block: " + header.number());
      }
      if (!trie.root().equals(header.stateRoot())) {
        throw new IllegalStateException("trie root differs from the header's state root");
      }
      state.apply(changes);
      trieNodes.putAll(trie);
      blocks.add(block);
    }
    listeners.forEach(listener -> listener.onBlockCommitted(block));
  }

  @Override
  public synchronized Hash genesisHash() {
    return blocks.get(0).hash();
  }

  @Override
  public synchronized long headNumber() {
    return blocks.size() - 1L;
  }

  @Override
  public synchronized BlockHeader headHeader() {
    return blocks.get(blocks.size() - 1).block().header();
  }

  @Override
  public synchronized Optional<BlockHeader> header(long number) {
    return block(number).map(Block::header);
  }

  @Override
  public synchronized Optional<Long> numberOf(Hash blockHash) {
    for (CommittedBlock block : blocks) {
      if (block.hash().equals(blockHash)) {
        return Optional.of(block.number());
      }
    }
    return Optional.empty();
  }

  @Override
  public synchronized Optional<Block> block(long number) {
    return number < 0 || number >= blocks.size()
        ? Optional.empty()
        : Optional.of(blocks.get((int) number).block());
  }

  @Override
  public synchronized List<SignedTransaction> transactions(long number) {
    return number < blocks.size() ? blocks.get((int) number).transactions() : List.of();
  }

  @Override
  public synchronized List<TransactionOutcome> outcomes(long number) {
    return number < blocks.size() ? blocks.get((int) number).outcomes() : List.of();
  }

  @Override
  public synchronized Optional<TransactionLocation> transactionLocation(Hash transactionHash) {
    for (CommittedBlock block : blocks) {
      for (int index = 0; index < block.transactions().size(); index++) {
        if (block.transactions().get(index).hash().equals(transactionHash)) {
          return Optional.of(new TransactionLocation(block.hash(), block.number(), index));
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public StateView latestState() {
    return state;
  }

  @Override
  public TrieNodeStore trieNodes() {
    return trieNodes;
  }

  @Override
  public void addListener(ChainListener listener) {
    listeners.add(listener);
  }
}
