package io.fiscus.client.auth;

import io.fiscus.crypto.Secp256k1;
import io.fiscus.rpc.auth.AuthenticationException;
import io.fiscus.rpc.auth.BearerTokens;
import io.fiscus.rpc.auth.Caller;
import java.time.Instant;

/** The node's own token verifier ({@link BearerTokens}), checking at a given moment. */
final class NodeTokenCheck {
  private NodeTokenCheck() {}

  static Caller verify(String authorizationHeader, long chainId, Instant now)
      throws AuthenticationException {
    return new BearerTokens(chainId, now::toEpochMilli, Secp256k1.recovery())
        .verifyHeader(authorizationHeader);
  }
}
