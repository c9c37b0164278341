package io.fiscus.block;

import io.fiscus.types.Address;
import java.util.Objects;

/** A proposer's vote carried in QBFT extraData: add {@code recipient} as validator, or drop it. */
public record Vote(Address recipient, boolean add) {
  public Vote {
    Objects.requireNonNull(recipient, "recipient");
  }

  public static Vote toAdd(Address recipient) {
    return new Vote(recipient, true);
  }

  public static Vote toDrop(Address recipient) {
    return new Vote(recipient, false);
  }
}
