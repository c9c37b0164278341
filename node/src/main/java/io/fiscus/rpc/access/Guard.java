package io.fiscus.rpc.access;

import io.fiscus.rpc.RpcMethod;
import io.fiscus.rpc.RpcParams;

/** How one method is served under the visibility rules: checks before, filters after, or both. */
@FunctionalInterface
interface Guard {
  /** Serves {@code params} through {@code method} as {@code visibility} allows. */
  Object serve(Visibility visibility, RpcParams params, RpcMethod method);

  /** Methods that reveal nothing about any account: served as they are. */
  Guard PUBLIC = (visibility, params, method) -> method.call(params);
}
