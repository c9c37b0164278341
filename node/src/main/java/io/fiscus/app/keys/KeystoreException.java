package io.fiscus.app.keys;

/** A keystore that cannot be read or opened; the message names the file and the problem. */
public final class KeystoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why: the password is wrong, or the file is not a keystore this node reads. */
  public enum Kind {
    WRONG_PASSWORD,
    MALFORMED
  }

  private final Kind kind;

  public KeystoreException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public KeystoreException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
