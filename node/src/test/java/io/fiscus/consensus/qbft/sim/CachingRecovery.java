package io.fiscus.consensus.qbft.sim;

import io.fiscus.crypto.Secp256k1;
import io.fiscus.crypto.Signature;
import io.fiscus.crypto.SignatureRecovery;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Memoizes recovery across all simulated nodes: recovery is a pure function, and every message is
 * verified by n nodes, so this makes the simulator about n times cheaper without changing results.
 */
public final class CachingRecovery implements SignatureRecovery {
  private static final int ENTRIES_MAX = 200_000;
  private final SignatureRecovery delegate = Secp256k1.recovery();
  private final Map<Key, Optional<Bytes>> cache = new HashMap<>();

  private record Key(Hash hash, Signature signature) {}

  @Override
  public Optional<Bytes> recoverPublicKey(Hash messageHash, Signature signature) {
    if (cache.size() > ENTRIES_MAX) {
      cache.clear();
    }
    return cache.computeIfAbsent(
        new Key(messageHash, signature), key -> delegate.recoverPublicKey(messageHash, signature));
  }

  @Override
  public String name() {
    return "caching " + delegate.name();
  }
}
