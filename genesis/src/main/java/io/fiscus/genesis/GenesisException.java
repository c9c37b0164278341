package io.fiscus.genesis;

/**
 * A genesis file (or an accounts file given to the generator) that cannot be used. The message
 * names the field path and the problem, e.g. {@code config.fiscus.accounts[2].roles[0]: unknown
 * role "BANKER"}, so an operator can fix the file from that one line.
 */
public final class GenesisException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Stable codes of what went wrong; tests assert them and tools may branch on them. */
  public enum Reason {
    /** A file could not be read or written. */
    FILE,
    /** The generator's output directory exists and is not empty. */
    OUTPUT_NOT_EMPTY,
    /** The text is not JSON, or a value has the wrong JSON type. */
    MALFORMED,
    /** A required field is absent. */
    MISSING,
    /** A field Fiscus does not know or deliberately does not support. */
    UNSUPPORTED,
    /** A value that is present but invalid: bad hex, out of range, not the required constant. */
    INVALID,
    /** Two entries that must be distinct are not (accounts, tax ids, keys). */
    DUPLICATE,
    /** Two parts of the file contradict each other. */
    MISMATCH
  }

  private final Reason reason;
  private final String path;
  private final String problem;

  public GenesisException(Reason reason, String path, String problem) {
    super(path + ": " + problem);
    this.reason = reason;
    this.path = path;
    this.problem = problem;
  }

  public GenesisException(Reason reason, String path, String problem, Throwable cause) {
    super(path + ": " + problem, cause);
    this.reason = reason;
    this.path = path;
    this.problem = problem;
  }

  public Reason reason() {
    return reason;
  }

  /** The field path, e.g. {@code config.qbft.epochlength}, or the file name. */
  public String path() {
    return path;
  }

  /** The problem without the path. */
  public String problem() {
    return problem;
  }
}
