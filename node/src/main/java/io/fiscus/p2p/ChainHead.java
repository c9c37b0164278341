package io.fiscus.p2p;

import io.fiscus.types.Hash;
import java.util.Objects;

/** The head a node announces in its hello: the number and hash of its latest committed block. */
public record ChainHead(long number, Hash hash) {
  public ChainHead {
    Objects.requireNonNull(hash, "hash");
    if (number < 0) {
      throw new IllegalArgumentException("a block number is not negative");
    }
  }
}
