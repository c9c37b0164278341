package io.fiscus.rpc.state;

/** JSON-RPC's hex quantity encoding: {@code 0x} and the minimal hex digits ({@code 0x0} for 0). */
public final class Quantity {
  private Quantity() {}

  /** {@code value} as a hex quantity; {@code value} must not be negative. */
  public static String hex(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("a quantity is never negative: " + value);
    }
    return "0x" + Long.toHexString(value);
  }
}
