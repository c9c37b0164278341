package io.fiscus.consensus.qbft;

import io.fiscus.types.Address;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/** The validator set of one height, sorted ascending by address as Besu's tally keeps it. */
public record Validators(List<Address> sorted) {
  public Validators {
    TreeSet<Address> unique = new TreeSet<>(sorted);
    if (unique.isEmpty()) {
      throw new IllegalArgumentException("a validator set is never empty");
    }
    sorted = List.copyOf(unique);
  }

  public static Validators of(Collection<Address> addresses) {
    return new Validators(List.copyOf(addresses));
  }

  public int size() {
    return sorted.size();
  }

  public boolean contains(Address address) {
    return Collections.binarySearch(sorted, address) >= 0;
  }

  /** Besu's quorum, ceil(2n/3), computed as {@code ((2n - 1) / 3) + 1}. */
  public int quorum() {
    return quorum(sorted.size());
  }

  public static int quorum(int validatorCount) {
    return ((2 * validatorCount - 1) / 3) + 1;
  }

  /** The number of faulty validators tolerated: {@code (n - 1) / 3}. */
  public int faultsTolerated() {
    return (sorted.size() - 1) / 3;
  }

  /**
   * The proposer for {@code round}, rotating from the previous block's proposer (QBFT changes the
   * proposer on every block). If the previous proposer is not in the set (genesis, or voted out),
   * rotation starts at the first validator above it, wrapping to the first.
   */
  public Address proposer(Address previousProposer, int round) {
    int n = sorted.size();
    int index = Collections.binarySearch(sorted, previousProposer);
    long start;
    if (index >= 0) {
      start = (long) index + 1;
    } else {
      int insertion = -index - 1;
      start = insertion == n ? 0 : insertion;
    }
    return sorted.get((int) ((start + round) % n));
  }
}
