package io.fiscus.rpc;

/**
 * JSON-RPC quantities: {@code 0x}-prefixed hex without leading zeros ({@code 0x0}, {@code 0x1a}).
 */
public final class Quantity {
  public static final String ZERO = "0x0";

  private Quantity() {}

  /** {@code value} as a quantity; {@code value} is read as unsigned. */
  public static String of(long value) {
    return "0x" + Long.toHexString(value);
  }
}
