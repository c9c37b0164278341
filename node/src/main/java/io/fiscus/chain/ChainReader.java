package io.fiscus.chain;

import io.fiscus.block.Block;
import io.fiscus.block.BlockHeader;
import io.fiscus.block.TransactionOutcome;
import io.fiscus.state.StateView;
import io.fiscus.trie.TrieNodeStore;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.types.Hash;
import java.util.List;
import java.util.Optional;

/** Read access to the committed chain, for RPC, indexes and sync. Safe from any thread. */
public interface ChainReader {
  Hash genesisHash();

  /** The number of the latest committed block (0 right after genesis). */
  long headNumber();

  BlockHeader headHeader();

  Optional<BlockHeader> header(long number);

  Optional<Long> numberOf(Hash blockHash);

  Optional<Block> block(long number);

  /** The block's transactions decoded, senders recovered, in block order. */
  List<SignedTransaction> transactions(long number);

  /** One outcome per transaction of the block, in block order; empty if the block is unknown. */
  List<TransactionOutcome> outcomes(long number);

  Optional<TransactionLocation> transactionLocation(Hash transactionHash);

  /** The latest committed state (flat reads). */
  StateView latestState();

  /** The trie nodes of every committed state root, for proofs and historical reads. */
  TrieNodeStore trieNodes();

  /** Registers a listener called (on the committing thread) after each block is committed. */
  void addListener(ChainListener listener);
}
