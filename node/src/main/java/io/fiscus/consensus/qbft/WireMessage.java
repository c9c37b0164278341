package io.fiscus.consensus.qbft;

import io.fiscus.types.Bytes;

/** A message as the p2p layer carries it: the {@code istanbul/100} code and the RLP data. */
public record WireMessage(int code, Bytes data) {}
