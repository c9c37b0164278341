package io.fiscus.client;

import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of the currency in integer minor units ({@code decimals() == 2}: {@code 1250} is
 * 12.50). Never negative and at most {@link Long#MAX_VALUE}, the range the system contracts accept.
 * Never floating point: parse decimal text with {@link #parse(String)}.
 *
 * @param minorUnits the amount in minor units (cents)
 */
public record Amount(long minorUnits) implements Comparable<Amount> {
  /** Digits after the decimal point of every Fiscus amount (the Token's {@code decimals()}). */
  public static final int DECIMALS = 2;

  /** Nothing. */
  public static final Amount ZERO = new Amount(0);

  private static final Pattern DECIMAL = Pattern.compile("(\\d{1,19})(?:\\.(\\d{1,2}))?");
  private static final long MINOR_PER_MAJOR = 100;

  /**
   * Checks the range.
   *
   * @throws IllegalArgumentException if {@code minorUnits} is negative
   */
  public Amount {
    if (minorUnits < 0) {
      throw new IllegalArgumentException("an amount is never negative: " + minorUnits);
    }
  }

  /**
   * An amount in minor units.
   *
   * @param minorUnits cents; {@code 1250} is 12.50
   * @return the amount
   */
  public static Amount ofMinorUnits(long minorUnits) {
    return new Amount(minorUnits);
  }

  /**
   * Parses decimal currency text as people write it: {@code "12"}, {@code "12.5"}, {@code "12.50"}.
   * No sign, no exponent, no grouping, at most two decimals.
   *
   * @param text the decimal amount
   * @return the amount
   * @throws IllegalArgumentException if the text is not such a number or is out of range
   */
  public static Amount parse(String text) {
    Matcher matcher = DECIMAL.matcher(text.strip());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "not an amount with at most " + DECIMALS + " decimals: \"" + text + "\"");
    }
    String fraction = matcher.group(2) == null ? "" : matcher.group(2);
    String cents = matcher.group(1) + (fraction + "00").substring(0, DECIMALS);
    BigInteger minorUnits = new BigInteger(cents);
    if (minorUnits.bitLength() > 63) {
      throw new IllegalArgumentException("amount out of range: " + text);
    }
    return new Amount(minorUnits.longValue());
  }

  /**
   * The amount as the contracts' {@code uint256}.
   *
   * @param value a {@code uint256} read from the ledger
   * @return the amount
   * @throws IllegalArgumentException if the value is negative or above {@link Long#MAX_VALUE}
   */
  public static Amount of(BigInteger value) {
    if (value.signum() < 0 || value.bitLength() > 63) {
      throw new IllegalArgumentException("amount out of range: " + value);
    }
    return new Amount(value.longValue());
  }

  /**
   * This amount as a {@code uint256} argument for a contract call.
   *
   * @return the minor units as a {@link BigInteger}
   */
  public BigInteger toBigInteger() {
    return BigInteger.valueOf(minorUnits);
  }

  /**
   * The sum.
   *
   * @param other the amount to add
   * @return this plus {@code other}
   * @throws ArithmeticException if the sum overflows
   */
  public Amount plus(Amount other) {
    return new Amount(Math.addExact(minorUnits, other.minorUnits));
  }

  /**
   * The difference.
   *
   * @param other the amount to subtract
   * @return this minus {@code other}
   * @throws IllegalArgumentException if {@code other} is larger than this
   */
  public Amount minus(Amount other) {
    return new Amount(minorUnits - other.minorUnits);
  }

  /**
   * Whether this is nothing.
   *
   * @return true for 0.00
   */
  public boolean isZero() {
    return minorUnits == 0;
  }

  @Override
  public int compareTo(Amount other) {
    return Long.compare(minorUnits, other.minorUnits);
  }

  /** The amount with two decimals and no symbol, e.g. {@code 12.50}; see {@link Currency}. */
  @Override
  public String toString() {
    long major = minorUnits / MINOR_PER_MAJOR;
    long minor = minorUnits % MINOR_PER_MAJOR;
    return major + "." + (minor < 10 ? "0" : "") + minor;
  }
}
