package io.fiscus.consensus.driver;

import io.fiscus.types.Address;
import java.util.SortedMap;

/** What the RPC may ask of and tell the consensus driver. Thread-safe. */
public interface ConsensusControl {
  /** Whether the local key is a validator of the height being decided. */
  boolean isValidator();

  /** The round of the height being decided. */
  int round();

  /** Whether the node is catching up with its peers (it does not vote then). */
  boolean syncing();

  /** {@code qbft_proposeValidatorVote}: vote to add ({@code true}) or remove a validator. */
  void proposeValidatorVote(Address subject, boolean add);

  /** {@code qbft_discardValidatorVote}. */
  void discardValidatorVote(Address subject);

  /** {@code qbft_getPendingVotes}: subject → add (true) or remove (false). */
  SortedMap<Address, Boolean> pendingVotes();
}
