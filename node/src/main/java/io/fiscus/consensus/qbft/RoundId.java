package io.fiscus.consensus.qbft;

/** A consensus instance: the block height (Besu's "sequence") and the round within it. */
public record RoundId(long height, int round) implements Comparable<RoundId> {
  public RoundId {
    if (height < 0 || round < 0) {
      throw new IllegalArgumentException(
          "height and round are non-negative: " + height + "/" + round);
    }
  }

  @Override
  public int compareTo(RoundId other) {
    int byHeight = Long.compare(height, other.height);
    return byHeight != 0 ? byHeight : Integer.compare(round, other.round);
  }
}
