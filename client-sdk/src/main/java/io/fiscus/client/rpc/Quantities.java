package io.fiscus.client.rpc;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Writes query parameters as the RPC expects them: quantities as hex strings. */
final class Quantities {
  private Quantities() {}

  static String hex(long value) {
    return "0x" + Long.toHexString(value);
  }

  static void put(Map<String, Object> params, String name, OptionalLong value) {
    value.ifPresent(v -> params.put(name, hex(v)));
  }

  static void put(Map<String, Object> params, String name, OptionalInt value) {
    value.ifPresent(v -> params.put(name, hex(v)));
  }

  static void put(Map<String, Object> params, String name, Optional<?> value) {
    value.ifPresent(v -> params.put(name, v.toString()));
  }

  /** A page size: the node accepts 1 to 1000. */
  static void checkLimit(OptionalInt limit) {
    if (limit.isPresent() && (limit.getAsInt() < 1 || limit.getAsInt() > 1000)) {
      throw new IllegalArgumentException("limit must be 1 to 1000, got " + limit.getAsInt());
    }
  }
}
