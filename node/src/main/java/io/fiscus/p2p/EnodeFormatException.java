package io.fiscus.p2p;

/** An enode URL that does not parse; {@link #problem()} is the stable reason. */
public final class EnodeFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** What is wrong with the URL. */
  public enum Problem {
    NOT_ENODE_SCHEME,
    BAD_PUBLIC_KEY,
    BAD_HOST,
    BAD_PORT,
    BAD_QUERY
  }

  private final Problem problem;

  public EnodeFormatException(Problem problem, String url, String detail) {
    super("invalid enode URL '" + url + "': " + detail);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}
