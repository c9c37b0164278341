package io.fiscus.p2p;

import java.util.Objects;

/** The outcome of checking a peer's hello. */
public sealed interface HelloVerdict {

  /**
   * The peer may stay. {@code replacesExisting}: a connection to it exists and this one wins the
   * tie-break, so the old one must be closed.
   */
  record Accepted(PeerId peer, Hello hello, boolean replacesExisting) implements HelloVerdict {
    public Accepted {
      Objects.requireNonNull(peer, "peer");
      Objects.requireNonNull(hello, "hello");
    }
  }

  /** The connection must be closed. {@code peer} is known when the hello was authentic. */
  record Refused(RefusalReason reason, String detail) implements HelloVerdict {
    public Refused {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
