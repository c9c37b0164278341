package io.fiscus.p2p;

import java.util.List;

/** Port: the node's current peer connections, for {@code net_peerCount} and {@code admin_peers}. */
public interface Peers {
  /** A connected, authenticated peer. */
  record PeerInfo(String enode, String remoteAddress, boolean validator) {}

  List<PeerInfo> connected();

  /** A node without a p2p layer (one validator alone): it has no peers. */
  Peers NONE = List::of;
}
