package io.fiscus.network;

import io.fiscus.p2p.MessageType;
import io.fiscus.p2p.PeerId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * In-memory "internet" for {@link FakePeerNetwork}s: connects and disconnects nodes, can drop
 * frames by rule (a partition, lost consensus traffic), and records every penalty a node hands out.
 */
final class FakeNetworkHub {
  /** Decides whether a frame is lost on the way. */
  @FunctionalInterface
  interface DropRule {
    boolean drops(PeerId from, PeerId to, MessageType type);
  }

  record Penalty(PeerId by, PeerId peer, String reason) {}

  private final Map<PeerId, FakePeerNetwork> nodes = new ConcurrentHashMap<>();
  private final List<Penalty> penalties = new CopyOnWriteArrayList<>();
  private volatile DropRule dropRule = (from, to, type) -> false;

  FakePeerNetwork join(PeerId id, java.util.function.LongSupplier headNumber) {
    FakePeerNetwork network = new FakePeerNetwork(this, id, headNumber);
    nodes.put(id, network);
    return network;
  }

  /** Connects two started nodes (both hear onConnected with the other's head). */
  void connect(PeerId a, PeerId b) {
    FakePeerNetwork first = nodes.get(a);
    FakePeerNetwork second = nodes.get(b);
    if (first.link(second)) {
      second.link(first);
    }
  }

  void connectAll(List<PeerId> ids) {
    for (int i = 0; i < ids.size(); i++) {
      for (int j = i + 1; j < ids.size(); j++) {
        connect(ids.get(i), ids.get(j));
      }
    }
  }

  void disconnect(PeerId a, PeerId b) {
    FakePeerNetwork first = nodes.get(a);
    FakePeerNetwork second = nodes.get(b);
    if (first != null) {
      first.unlink(b);
    }
    if (second != null) {
      second.unlink(a);
    }
  }

  void dropWhen(DropRule rule) {
    dropRule = rule;
  }

  void heal() {
    dropRule = (from, to, type) -> false;
  }

  List<Penalty> penalties() {
    return List.copyOf(penalties);
  }

  boolean drops(PeerId from, PeerId to, MessageType type) {
    return dropRule.drops(from, to, type);
  }

  FakePeerNetwork node(PeerId id) {
    return nodes.get(id);
  }

  void penalized(PeerId by, PeerId peer, String reason) {
    penalties.add(new Penalty(by, peer, reason));
    disconnect(by, peer);
  }
}
