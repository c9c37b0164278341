package io.fiscus.abi;

import io.fiscus.crypto.Keccak;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.nio.charset.StandardCharsets;

/**
 * Function selectors and event topics from canonical signatures such as {@code f(address,uint256)}.
 */
public final class AbiSignatures {
  private AbiSignatures() {}

  /** The first four bytes of keccak256 of the signature, big-endian in an int. */
  public static int selector(String canonicalSignature) {
    byte[] hash = keccak(canonicalSignature).bytes().unsafeArray();
    return ((hash[0] & 0xff) << 24)
        | ((hash[1] & 0xff) << 16)
        | ((hash[2] & 0xff) << 8)
        | (hash[3] & 0xff);
  }

  /** The selector as four bytes. */
  public static Bytes selectorBytes(int selector) {
    return Bytes.wrap(
        new byte[] {
          (byte) (selector >>> 24),
          (byte) (selector >>> 16),
          (byte) (selector >>> 8),
          (byte) selector
        });
  }

  /** An event's topic 0: keccak256 of its canonical signature. */
  public static Hash topic(String canonicalSignature) {
    return keccak(canonicalSignature);
  }

  /** The selector at the start of call data. */
  public static int selectorOf(Bytes callData) {
    if (callData.size() < 4) {
      throw new AbiException(AbiException.Problem.NO_SELECTOR);
    }
    byte[] data = callData.unsafeArray();
    return ((data[0] & 0xff) << 24)
        | ((data[1] & 0xff) << 16)
        | ((data[2] & 0xff) << 8)
        | (data[3] & 0xff);
  }

  private static Hash keccak(String signature) {
    return Keccak.hash(Bytes.wrap(signature.getBytes(StandardCharsets.US_ASCII)));
  }
}
