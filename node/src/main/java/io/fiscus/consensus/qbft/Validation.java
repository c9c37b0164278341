package io.fiscus.consensus.qbft;

/** The outcome of a check: valid, or invalid with a stable reason and a human detail. */
public sealed interface Validation permits Validation.Valid, Validation.Invalid {
  static Validation valid() {
    return Valid.INSTANCE;
  }

  static Validation invalid(Reason reason, String detail) {
    return new Invalid(reason, detail);
  }

  default boolean isValid() {
    return this instanceof Valid;
  }

  record Valid() implements Validation {
    private static final Valid INSTANCE = new Valid();
  }

  record Invalid(Reason reason, String detail) implements Validation {}
}
