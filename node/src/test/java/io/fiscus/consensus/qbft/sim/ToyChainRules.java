package io.fiscus.consensus.qbft.sim;

import io.fiscus.consensus.qbft.QbftBlock;
import io.fiscus.consensus.qbft.QbftBlockCreator;
import io.fiscus.consensus.qbft.QbftBlockValidator;
import io.fiscus.consensus.qbft.Reason;
import io.fiscus.consensus.qbft.Validation;
import io.fiscus.consensus.qbft.Validators;
import io.fiscus.consensus.qbft.Vote;
import io.fiscus.rlp.Rlp;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import java.util.List;
import java.util.Optional;

/** Block building and header rules for toy blocks: the simulator's stand-in for the executor. */
public final class ToyChainRules implements QbftBlockCreator, QbftBlockValidator {
  private final long blockPeriodSeconds;
  private final long epochLength;

  public ToyChainRules(long blockPeriodMillis, long epochLength) {
    this.blockPeriodSeconds = blockPeriodMillis / 1000;
    this.epochLength = epochLength;
  }

  @Override
  public QbftBlock createBlock(
      QbftBlock parent, int round, long timestampSeconds, Address proposer, Optional<Vote> vote) {
    Bytes body =
        Bytes.wrap(
            Rlp.list(Rlp.string(proposer.bytes()), Rlp.uint(round), Rlp.uint(parent.height() + 1)));
    return new ToyBlock(
        parent.height() + 1,
        round,
        proposer,
        parent.hash(),
        timestampSeconds,
        vote,
        body,
        List.of());
  }

  @Override
  public Validation validate(QbftBlock block, QbftBlock parent, Validators validators) {
    ToyBlock toy = (ToyBlock) block;
    if (toy.height() != parent.height() + 1 || !toy.parentHash().equals(parent.hash())) {
      return Validation.invalid(Reason.WRONG_HEIGHT, "not a child of " + parent.height());
    }
    if (toy.timestampSeconds() < parent.timestampSeconds() + blockPeriodSeconds) {
      return Validation.invalid(Reason.BLOCK_INVALID, "timestamp too early");
    }
    if (!validators.contains(toy.proposer())) {
      return Validation.invalid(Reason.BLOCK_INVALID, "coinbase is not a validator");
    }
    if (!toy.commitSeals().isEmpty()) {
      return Validation.invalid(Reason.BLOCK_INVALID, "proposed block carries seals");
    }
    if (toy.vote().isPresent() && toy.height() % epochLength == 0) {
      return Validation.invalid(Reason.BLOCK_INVALID, "vote in an epoch block");
    }
    return Validation.valid();
  }
}
