package io.fiscus.client.rpc;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * A period of invoice issue dates, whole UTC days from {@code first} to {@code last} inclusive: a
 * VAT return's month, quarter or year.
 *
 * @param first the first day
 * @param last the last day, not before {@code first}
 */
public record TaxPeriod(LocalDate first, LocalDate last) {
  /** Checks the order. */
  public TaxPeriod {
    if (last.isBefore(first)) {
      throw new IllegalArgumentException("a period ends after it starts: " + first + ".." + last);
    }
  }

  /**
   * A calendar quarter.
   *
   * @param year the year
   * @param quarter 1..4
   * @return the quarter's days
   */
  public static TaxPeriod quarter(int year, int quarter) {
    if (quarter < 1 || quarter > 4) {
      throw new IllegalArgumentException("a quarter is 1..4, got " + quarter);
    }
    YearMonth firstMonth = YearMonth.of(year, 3 * quarter - 2);
    return new TaxPeriod(firstMonth.atDay(1), firstMonth.plusMonths(2).atEndOfMonth());
  }

  /**
   * A calendar month.
   *
   * @param month the month
   * @return its days
   */
  public static TaxPeriod month(YearMonth month) {
    return new TaxPeriod(month.atDay(1), month.atEndOfMonth());
  }

  /**
   * A calendar year.
   *
   * @param year the year
   * @return its days
   */
  public static TaxPeriod year(int year) {
    return new TaxPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
  }

  /**
   * The first second of the period, as the contracts store issue dates.
   *
   * @return unix seconds of {@code first} at 00:00:00 UTC
   */
  public long fromEpochSecond() {
    return first.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
  }

  /**
   * The last second of the period.
   *
   * @return unix seconds of {@code last} at 23:59:59 UTC
   */
  public long toEpochSecond() {
    return last.atTime(LocalTime.MAX).toEpochSecond(ZoneOffset.UTC);
  }

  @Override
  public String toString() {
    return first + ".." + last;
  }
}
