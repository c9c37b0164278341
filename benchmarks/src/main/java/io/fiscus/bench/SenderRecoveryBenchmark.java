package io.fiscus.bench;

import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.crypto.Signature;
import io.fiscus.crypto.SignatureRecovery;
import io.fiscus.types.Address;
import io.fiscus.types.Hash;
import java.math.BigInteger;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Sender recovery per second on one thread, for each secp256k1 implementation. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class SenderRecoveryBenchmark {
  private static final int SIGNATURES = 256;

  @Param({"bouncycastle", "libsecp256k1"})
  public String implementation;

  private SignatureRecovery recovery;
  private final Hash[] hashes = new Hash[SIGNATURES];
  private final Signature[] signatures = new Signature[SIGNATURES];
  private int next;

  @Setup(Level.Trial)
  public void sign() {
    recovery =
        implementation.equals("libsecp256k1")
            ? Secp256k1.nativeIfAvailable()
                .orElseThrow(() -> new IllegalStateException("libsecp256k1 does not load here"))
            : Secp256k1.portable();
    for (int i = 0; i < SIGNATURES; i++) {
      PrivateKey key = new PrivateKey(BigInteger.valueOf(1_000_003L * (i + 1)));
      hashes[i] = io.fiscus.crypto.Keccak.hash(io.fiscus.types.Bytes.of((byte) i, (byte) (i >> 8)));
      signatures[i] = Secp256k1.signer().sign(hashes[i], key);
    }
  }

  @Benchmark
  public Optional<Address> recoverSender() {
    int i = next++ & (SIGNATURES - 1);
    return recovery.recoverAddress(hashes[i], signatures[i]);
  }
}
