package io.fiscus.consensus.qbft;

import io.fiscus.types.Address;
import java.util.Optional;

/** An input to the consensus core. Time arrives only here, as {@code nowMillis}. */
public sealed interface Event
    permits Event.MessageReceived,
        Event.BlockTimerExpired,
        Event.RoundTimerExpired,
        Event.NewChainHead,
        Event.LocalVoteProposal {
  long nowMillis();

  /** A message from the network, still encoded. */
  record MessageReceived(long nowMillis, WireMessage message) implements Event {}

  record BlockTimerExpired(long nowMillis, long height) implements Event {}

  record RoundTimerExpired(long nowMillis, long height, int round) implements Event {}

  /**
   * The chain's head changed (a block was imported, by us or by sync); {@code tallyAfterHead} is
   * the vote tally including the head, so its validators are those of the next height.
   */
  record NewChainHead(long nowMillis, QbftBlock head, VoteTally tallyAfterHead) implements Event {}

  /** {@code qbft_proposeValidatorVote} (a kind) or {@code qbft_discardValidatorVote} (empty). */
  record LocalVoteProposal(long nowMillis, Address subject, Optional<Vote.Kind> kind)
      implements Event {}
}
