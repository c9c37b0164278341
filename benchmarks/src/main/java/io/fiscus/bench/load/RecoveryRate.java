package io.fiscus.bench.load;

import io.fiscus.crypto.Keccak;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.crypto.Signature;
import io.fiscus.crypto.SignatureRecovery;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.math.BigInteger;

/**
 * This machine's sender-recovery rate on one thread, with the implementation the node would use:
 * the ceiling a single core puts on admitting transactions, measured beside the load run so the two
 * figures share a machine and a moment.
 */
public final class RecoveryRate {
  private static final int SIGNATURES = 256;

  private RecoveryRate() {}

  /** The measured rate and the implementation measured. */
  public record Result(long recoveriesPerSecond, String implementation) {}

  /** Recovers {@code recoveries} signatures after a warm-up of a quarter as many. */
  public static Result measure(int recoveries) {
    SignatureRecovery recovery = Secp256k1.recovery();
    Hash[] hashes = new Hash[SIGNATURES];
    Signature[] signatures = new Signature[SIGNATURES];
    for (int i = 0; i < SIGNATURES; i++) {
      hashes[i] = Keccak.hash(Bytes.of((byte) i, (byte) (i >> 8), (byte) 0x7e));
      signatures[i] =
          Secp256k1.signer().sign(hashes[i], new PrivateKey(BigInteger.valueOf(7_919L * (i + 1))));
    }
    int found = recoverAll(recovery, hashes, signatures, recoveries / 4);
    long start = System.nanoTime();
    found += recoverAll(recovery, hashes, signatures, recoveries);
    long elapsed = System.nanoTime() - start;
    if (found != recoveries + recoveries / 4) {
      throw new IllegalStateException("a valid signature did not recover");
    }
    return new Result(recoveries * 1_000_000_000L / elapsed, recovery.name());
  }

  private static int recoverAll(
      SignatureRecovery recovery, Hash[] hashes, Signature[] signatures, int count) {
    int found = 0;
    for (int i = 0; i < count; i++) {
      int k = i % SIGNATURES;
      java.util.Optional<Address> sender = recovery.recoverAddress(hashes[k], signatures[k]);
      if (sender.isPresent()) {
        found++;
      }
    }
    return found;
  }
}
