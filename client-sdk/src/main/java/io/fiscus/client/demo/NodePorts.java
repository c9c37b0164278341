package io.fiscus.client.demo;

import java.util.List;

/**
 * The loopback ports of one devnet validator.
 *
 * @param rpcHttp JSON-RPC over HTTP (and WebSocket on the same port)
 * @param rpcWebSocket the separate WebSocket port the generated {@code node.toml} names
 * @param metrics Prometheus {@code /metrics}
 * @param p2p the peer-to-peer listener
 */
record NodePorts(int rpcHttp, int rpcWebSocket, int metrics, int p2p) {
  /** Validator {@code k}'s ports (1-based) as {@code fiscus genesis generate} writes them. */
  static NodePorts generated(int k) {
    return new NodePorts(8545 + k - 1, 8645 + k - 1, 9545 + k - 1, 30303 + k - 1);
  }

  /**
   * Validator {@code k}'s ports (1-based) in one block from {@code base}: RPC {@code base+k-1},
   * WebSocket {@code base+100+k-1}, metrics {@code base+200+k-1}, p2p {@code base+300+k-1}.
   */
  static NodePorts fromBase(int base, int k) {
    int offset = k - 1;
    return new NodePorts(
        base + offset, base + 100 + offset, base + 200 + offset, base + 300 + offset);
  }

  List<Integer> all() {
    return List.of(rpcHttp, rpcWebSocket, metrics, p2p);
  }

  String rpcUrl() {
    return "http://127.0.0.1:" + rpcHttp;
  }
}
