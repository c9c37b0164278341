package io.fiscus.block;

import io.fiscus.crypto.Signature;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The QBFT content of a header's extraData: 32 vanity bytes, the validator set for the next block
 * (block-header mode), at most one vote, the round the block was committed in, and the commit
 * seals. Encoded by {@link QbftExtraDataCodec}.
 */
public record QbftExtraData(
    Bytes vanity,
    List<Address> validators,
    Optional<Vote> vote,
    int round,
    List<Signature> commitSeals) {
  public static final int VANITY_SIZE = 32;
  public static final Bytes ZERO_VANITY = Bytes.wrap(new byte[VANITY_SIZE]);

  public QbftExtraData {
    Objects.requireNonNull(vanity, "vanity");
    Objects.requireNonNull(vote, "vote");
    if (vanity.size() != VANITY_SIZE) {
      throw new IllegalArgumentException("vanity must be 32 bytes, got " + vanity.size());
    }
    if (round < 0) {
      throw new IllegalArgumentException("round must not be negative: " + round);
    }
    validators = List.copyOf(validators);
    commitSeals = List.copyOf(commitSeals);
  }

  /**
   * Genesis extraData as Besu writes it: zero vanity, the validators, no vote, round 0, no seals.
   */
  public static QbftExtraData genesis(List<Address> validators) {
    return new QbftExtraData(ZERO_VANITY, validators, Optional.empty(), 0, List.of());
  }

  public QbftExtraData withRound(int newRound) {
    return new QbftExtraData(vanity, validators, vote, newRound, commitSeals);
  }

  public QbftExtraData withCommitSeals(List<Signature> seals) {
    return new QbftExtraData(vanity, validators, vote, round, seals);
  }
}
