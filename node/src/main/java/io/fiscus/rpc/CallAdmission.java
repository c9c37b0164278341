package io.fiscus.rpc;

import java.util.Optional;

/**
 * Asked by the dispatcher once for every call of a request (each call of a batch counts) before the
 * call is served: empty admits it; a reason refuses it with -32005 {@code Limit exceeded}, the
 * reason in the error's {@code data}, and the call is not executed.
 */
@FunctionalInterface
public interface CallAdmission {
  Optional<String> refusal();

  /** Admits every call. */
  CallAdmission UNLIMITED = Optional::empty;
}
