package io.fiscus.it;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Sign;

/** Makes ES256K bearer tokens with Web3j, as a client that knows nothing of Fiscus' code would. */
public final class BearerToken {
  private BearerToken() {}

  /** {@code Bearer <JWT>} with claims sub, iat, exp, chainId (and reason when not null). */
  public static String header(
      Credentials key, long chainId, long issuedAt, long expiresAt, String reason) {
    String claims =
        "{\"sub\":\"%s\",\"iat\":%d,\"exp\":%d,\"chainId\":%d%s}"
            .formatted(
                key.getAddress(),
                issuedAt,
                expiresAt,
                chainId,
                reason == null ? "" : ",\"reason\":\"" + reason + "\"");
    String signingInput = encode("{\"alg\":\"ES256K\",\"typ\":\"JWT\"}") + "." + encode(claims);
    Sign.SignatureData signature =
        Sign.signMessage(sha256(signingInput), key.getEcKeyPair(), false);
    byte[] rs = new byte[64];
    System.arraycopy(signature.getR(), 0, rs, 0, 32);
    System.arraycopy(signature.getS(), 0, rs, 32, 32);
    return "Bearer "
        + signingInput
        + "."
        + Base64.getUrlEncoder().withoutPadding().encodeToString(rs);
  }

  /** A token valid for ten minutes from now. */
  public static String header(Credentials key, long chainId) {
    long now = System.currentTimeMillis() / 1_000;
    return header(key, chainId, now, now + 600, null);
  }

  private static String encode(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] sha256(String input) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
