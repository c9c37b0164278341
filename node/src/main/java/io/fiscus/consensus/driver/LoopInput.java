package io.fiscus.consensus.driver;

import io.fiscus.consensus.qbft.Vote;
import io.fiscus.consensus.qbft.WireMessage;
import io.fiscus.types.Address;
import java.util.Optional;

/**
 * What wakes the driver thread. Times are read when an input is handled, not when it is posted, so
 * the core always sees the clock of the moment it acts.
 */
sealed interface LoopInput {
  record Message(WireMessage message) implements LoopInput {}

  record BlockTimerFired(long height) implements LoopInput {}

  record RoundTimerFired(long height, int round) implements LoopInput {}

  record VoteProposal(Address subject, Optional<Vote.Kind> kind) implements LoopInput {}

  /** The pool has transactions (again), or a held block timer should be looked at again. */
  record HoldCheck() implements LoopInput {}
}
