package io.fiscus.consensus.driver;

import io.fiscus.block.TransactionOutcome;
import io.fiscus.state.StateChanges;
import io.fiscus.trie.TrieCommit;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.types.Hash;
import java.util.List;

/**
 * A block executed on its parent, kept until it is decided so that import does not execute it
 * again: its decoded transactions, their outcomes, the net state changes and the new trie nodes.
 *
 * @param hash the block's on-chain hash (independent of round and seals)
 */
public record ExecutedBlock(
    Hash hash,
    List<SignedTransaction> transactions,
    List<TransactionOutcome> outcomes,
    long gasUsed,
    StateChanges changes,
    TrieCommit trie) {
  public ExecutedBlock {
    transactions = List.copyOf(transactions);
    outcomes = List.copyOf(outcomes);
  }
}
