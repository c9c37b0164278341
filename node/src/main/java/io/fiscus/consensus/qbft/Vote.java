package io.fiscus.consensus.qbft;

import io.fiscus.types.Address;

/** A header vote to add or drop {@code subject} from the validator set. */
public record Vote(Address subject, Kind kind) {
  public enum Kind {
    ADD,
    DROP
  }
}
