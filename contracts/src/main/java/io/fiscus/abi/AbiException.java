package io.fiscus.abi;

/**
 * ABI data that does not decode under the strict canonical rules. The contracts turn every one into
 * the revert reason {@code invalid arguments}; {@link #problem()} says which rule failed.
 */
public final class AbiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The rule the input broke. */
  public enum Problem {
    /** Fewer bytes than the arguments' head or a dynamic value needs. */
    TRUNCATED,
    /** Bytes after the last argument's canonical encoding. */
    TRAILING_BYTES,
    /** Non-zero bits above an address or a uintN inside its 32-byte word. */
    DIRTY_HIGH_BITS,
    /** A bool word that is neither 0 nor 1. */
    INVALID_BOOL,
    /** A dynamic value's offset that is not where the canonical layout puts it. */
    NON_CANONICAL_OFFSET,
    /** A dynamic value's length that runs past the end of the data. */
    LENGTH_OUT_OF_RANGE,
    /** Non-zero padding after a dynamic value. */
    DIRTY_PADDING,
    /** A string that is not valid UTF-8. */
    INVALID_UTF8,
    /** Data shorter than a 4-byte function selector. */
    NO_SELECTOR
  }

  private final Problem problem;

  public AbiException(Problem problem) {
    // No stack trace: bad input is an expected outcome on the execution hot path.
    super(problem.name(), null, false, false);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}
