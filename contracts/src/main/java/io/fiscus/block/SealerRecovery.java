package io.fiscus.block;

import io.fiscus.types.Address;
import java.util.List;

/**
 * The outcome of recovering the commit sealers of a header: the sealers in seal order, or the first
 * seal that made recovery fail and why.
 */
public sealed interface SealerRecovery {

  /** Every seal recovered to a distinct address; {@code sealers} is in seal order. */
  record Recovered(List<Address> sealers) implements SealerRecovery {
    public Recovered {
      sealers = List.copyOf(sealers);
    }
  }

  /** Recovery failed at seal {@code sealIndex} (-1 when no seal was reached). */
  record Rejected(Reason reason, int sealIndex, String detail) implements SealerRecovery {}

  /** Stable failure reasons. */
  enum Reason {
    /** The header's extraData is not QBFT extraData, so there are no seals to read. */
    MALFORMED_EXTRA_DATA,
    /** A seal whose s is above half the curve order: malleable, rejected as Besu does. */
    HIGH_S_SEAL,
    /** A seal from which no public key can be recovered. */
    UNRECOVERABLE_SEAL,
    /** Two seals recover to the same address. */
    DUPLICATE_SEALER,
  }
}
