package io.fiscus.client.cli;

import io.fiscus.client.Amount;
import java.time.Instant;
import java.util.List;

/**
 * One value in a command's result. Commands say what a value is (money, a count, a day); {@link
 * Printer} decides how it looks, for people or for scripts, so every command shows money the same
 * way.
 */
sealed interface Value {

  /** Text shown as it is: an address, a hash, a name. */
  record Text(String text) implements Value {}

  /** Several texts (validators, roles): a comma-separated line for people, an array in JSON. */
  record TextList(List<String> texts) implements Value {
    public TextList {
      texts = List.copyOf(texts);
    }
  }

  /**
   * An amount of the currency in minor units; negative only for a balance of amounts (VAT due after
   * credit notes), since an {@link Amount} never is.
   */
  record Money(long minorUnits) implements Value {}

  /** A whole number: a block number, a count, a tier. */
  record Count(long count) implements Value {}

  /** A rate in basis points (a VAT rate): {@code 2000} is 20.00 percent. */
  record Rate(int basisPoints) implements Value {}

  /** Yes or no. */
  record Flag(boolean flag) implements Value {}

  /** A moment (a block timestamp), shown to the second in UTC. */
  record Moment(Instant at) implements Value {}

  /** A moment shown as its UTC calendar day (an invoice's issue date). */
  record Day(Instant at) implements Value {}

  /** Nothing to show: an unregistered account's bank, a history entry without reference. */
  enum Absent implements Value {
    ABSENT
  }

  static Value text(String text) {
    return text == null ? Absent.ABSENT : new Text(text);
  }

  static Value money(Amount amount) {
    return new Money(amount.minorUnits());
  }

  static Value count(long count) {
    return new Count(count);
  }

  static Value flag(boolean flag) {
    return new Flag(flag);
  }
}
