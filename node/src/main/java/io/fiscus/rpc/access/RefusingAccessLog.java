package io.fiscus.rpc.access;

import io.fiscus.rpc.RpcException;

/**
 * The access log of a node that cannot write looks to the chain: every look that must be recorded
 * is refused, so no authority's look goes unrecorded. A node serves recorded looks only once it is
 * given a recorder that writes them on chain.
 */
public final class RefusingAccessLog implements AccessLog {
  @Override
  public void record(Look look) {
    throw RpcException.forbidden(
        "this node cannot record looks in the access log, so it does not serve them");
  }
}
