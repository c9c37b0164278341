package io.fiscus.genesis;

import io.fiscus.types.Bytes;

/** Enode URLs as Besu writes them: {@code enode://<128 hex public key>@<host>:<port>}. */
public final class EnodeUrl {
  private EnodeUrl() {}

  /** The URL of a node with the 64-byte uncompressed public key (x ‖ y, no 04 prefix). */
  public static String of(Bytes publicKey64, String host, int port) {
    if (publicKey64.size() != 64) {
      throw new IllegalArgumentException("public key must be 64 bytes, got " + publicKey64.size());
    }
    return "enode://" + publicKey64.toHex().substring(2) + "@" + host + ":" + port;
  }
}
