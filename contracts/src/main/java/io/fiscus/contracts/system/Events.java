package io.fiscus.contracts.system;

import io.fiscus.abi.AbiWriter;
import io.fiscus.block.Log;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.List;

/** Builds event logs: topic 0 is the event's signature hash, indexed parameters follow. */
public final class Events {
  private Events() {}

  public static Log log(Address contract, Hash topic0, Bytes data, Hash... indexed) {
    Hash[] topics = new Hash[indexed.length + 1];
    topics[0] = topic0;
    System.arraycopy(indexed, 0, topics, 1, indexed.length);
    return new Log(contract, List.of(topics), data);
  }

  /** An indexed address parameter's topic. */
  public static Hash topic(Address address) {
    return AbiWriter.addressTopic(address);
  }
}
