package io.fiscus.p2p.netty;

import io.fiscus.types.Bytes;

/** One decoded frame: its type byte and payload. */
record Frame(int type, Bytes payload) {}
