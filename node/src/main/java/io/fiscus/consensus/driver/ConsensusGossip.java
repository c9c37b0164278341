package io.fiscus.consensus.driver;

import io.fiscus.consensus.qbft.WireMessage;

/**
 * Port: sends the node's own QBFT messages to the other validators. The p2p layer implements it and
 * hands received messages to {@link ConsensusDriver#onMessage}. Called on the driver thread after
 * the message is durably recorded; must not block (queue and return).
 */
@FunctionalInterface
public interface ConsensusGossip {
  void broadcast(WireMessage message);

  /** Gossip with no recipients: a network of one validator. */
  static ConsensusGossip none() {
    return message -> {};
  }
}
