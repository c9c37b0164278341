package io.fiscus.app.keys;

/**
 * The scrypt cost of a keystore: {@code n} (a power of two), {@code r}, {@code p}. Keystores that
 * would need more than {@link #MEMORY_BYTES_MAX} are refused, so a file cannot exhaust the heap.
 */
public record ScryptParameters(int n, int r, int p) {
  /** geth's and Web3j's standard cost: 256 MiB and about a second. */
  public static final ScryptParameters STANDARD = new ScryptParameters(1 << 18, 8, 1);

  /** Web3j's light cost: 4 MiB; for tests and small machines. */
  public static final ScryptParameters LIGHT = new ScryptParameters(1 << 12, 8, 6);

  static final long MEMORY_BYTES_MAX = 1L << 30;

  public ScryptParameters {
    if (n < 2 || Integer.bitCount(n) != 1 || r < 1 || p < 1 || r > 64 || p > 64) {
      throw new IllegalArgumentException("scrypt needs n a power of two >= 2, 1 <= r, p <= 64");
    }
    if (128L * r * n > MEMORY_BYTES_MAX) {
      throw new IllegalArgumentException("scrypt n=" + n + ", r=" + r + " needs more than 1 GiB");
    }
  }
}
