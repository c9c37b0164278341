package io.fiscus.p2p;

import java.util.Objects;
import java.util.Optional;

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

  /**
   * The connection must be closed. {@code signer} is the peer when the hello's signature was
   * checked (it is authentic), so an offence can be held against its key.
   */
  record Refused(RefusalReason reason, String detail, Optional<PeerId> signer)
      implements HelloVerdict {
    public Refused {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
      Objects.requireNonNull(signer, "signer");
    }

    public Refused(RefusalReason reason, String detail) {
      this(reason, detail, Optional.empty());
    }
  }
}
