package io.fiscus.tx;

import static io.fiscus.tx.TransactionFixtures.CODEC;
import static io.fiscus.tx.TransactionFixtures.SIGNER;
import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.crypto.Keccak;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.crypto.Signature;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/** Round trips of random signed transactions, and decoding that never throws on mutated bytes. */
class TransactionCodecProperties {

  @Property(tries = 300)
  void signedTransactionsDecodeToTheirFieldsSenderAndHash(
      @ForAll("transactions") UnsignedTransaction transaction, @ForAll("keys") PrivateKey key) {
    SignedTransaction signed = SIGNER.sign(transaction, key);
    TransactionDecoding decoding = CODEC.decode(signed.raw());
    assertThat(decoding).isInstanceOf(TransactionDecoding.Decoded.class);
    SignedTransaction decoded = ((TransactionDecoding.Decoded) decoding).transaction();
    assertThat(decoded).isEqualTo(signed);
    assertThat(decoded.unsigned()).isEqualTo(transaction);
    // The expected sender comes from the portable implementation, independent of the signer's.
    assertThat(decoded.sender())
        .isEqualTo(Address.fromPublicKey(Secp256k1.portable().publicKey(key)));
    assertThat(decoded.hash()).isEqualTo(Keccak.hash(signed.raw()));
  }

  @Property(tries = 1000)
  void mutatedTransactionsAreDecodedOrRejectedNeverThrown(
      @ForAll("transactions") UnsignedTransaction transaction,
      @ForAll @IntRange(min = 0, max = 3) int mutation,
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int where,
      @ForAll byte replacement) {
    byte[] raw = SIGNER.sign(transaction, TransactionFixtures.KEY).raw().toArray();
    int at = where % raw.length;
    byte[] mutated =
        switch (mutation) {
          case 0 -> replaced(raw, at, replacement);
          case 1 -> Arrays.copyOf(raw, at);
          case 2 -> inserted(raw, at, replacement);
          default -> removed(raw, at);
        };
    TransactionDecoding decoding = CODEC.decode(Bytes.wrap(mutated));
    if (decoding instanceof TransactionDecoding.Decoded(SignedTransaction decoded)) {
      // Strict decoding means whatever decodes is canonical: it re-encodes to the same bytes.
      assertThat(TransactionCodec.encode(decoded.unsigned(), decoded.signature()))
          .isEqualTo(Bytes.wrap(mutated));
    } else {
      assertThat(((TransactionDecoding.Rejected) decoding).reason()).isNotNull();
    }
  }

  private static byte[] replaced(byte[] raw, int at, byte value) {
    byte[] out = raw.clone();
    out[at] = value;
    return out;
  }

  private static byte[] inserted(byte[] raw, int at, byte value) {
    byte[] out = new byte[raw.length + 1];
    System.arraycopy(raw, 0, out, 0, at);
    out[at] = value;
    System.arraycopy(raw, at, out, at + 1, raw.length - at);
    return out;
  }

  private static byte[] removed(byte[] raw, int at) {
    byte[] out = new byte[raw.length - 1];
    System.arraycopy(raw, 0, out, 0, at);
    System.arraycopy(raw, at + 1, out, at, raw.length - at - 1);
    return out;
  }

  @Provide
  Arbitrary<PrivateKey> keys() {
    return Arbitraries.bigIntegers()
        .between(BigInteger.ONE, Signature.CURVE_ORDER.subtract(BigInteger.ONE))
        .map(PrivateKey::new);
  }

  @Provide
  Arbitrary<UnsignedTransaction> transactions() {
    return Arbitraries.oneOf(eip1559(), legacy());
  }

  private Arbitrary<UnsignedTransaction> eip1559() {
    Arbitrary<BigInteger[]> fees =
        Combinators.combine(fee(), fee())
            .as((a, b) -> a.compareTo(b) <= 0 ? new BigInteger[] {a, b} : new BigInteger[] {b, a});
    return Combinators.combine(
            Arbitraries.longs().between(0, Long.MAX_VALUE),
            Arbitraries.longs().between(0, Long.MAX_VALUE),
            fees,
            Arbitraries.longs().between(0, Long.MAX_VALUE),
            recipient(),
            amount(),
            data(),
            accessList())
        .as(
            (chainId, nonce, fee, gas, to, value, data, accessList) ->
                UnsignedTransaction.eip1559(
                    chainId, nonce, fee[0], fee[1], gas, to, value, data, accessList));
  }

  private Arbitrary<UnsignedTransaction> legacy() {
    Arbitrary<OptionalLong> maybeChainId =
        Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.longs().between(0, Long.MAX_VALUE).map(OptionalLong::of)),
            Tuple.of(1, Arbitraries.just(OptionalLong.empty())));
    return Combinators.combine(
            maybeChainId,
            Arbitraries.longs().between(0, Long.MAX_VALUE),
            fee(),
            Arbitraries.longs().between(0, Long.MAX_VALUE),
            recipient(),
            amount(),
            data())
        .as(UnsignedTransaction::legacy);
  }

  /** Below 2^190 so that gasLimit × fee (gasLimit < 2^63) stays a 256-bit amount. */
  private static Arbitrary<BigInteger> fee() {
    return Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(190));
  }

  private static Arbitrary<BigInteger> amount() {
    return Arbitraries.bigIntegers()
        .between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE));
  }

  private static Arbitrary<Optional<Address>> recipient() {
    return Arbitraries.bytes()
        .array(byte[].class)
        .ofSize(Address.SIZE)
        .map(Address::wrap)
        .optional(0.9);
  }

  private static Arbitrary<Bytes> data() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(300).map(Bytes::wrap);
  }

  private static Arbitrary<List<AccessListEntry>> accessList() {
    Arbitrary<Hash> key = Arbitraries.bytes().array(byte[].class).ofSize(Hash.SIZE).map(Hash::wrap);
    Arbitrary<AccessListEntry> entry =
        Combinators.combine(
                Arbitraries.bytes().array(byte[].class).ofSize(Address.SIZE).map(Address::wrap),
                key.list().ofMaxSize(3))
            .as(AccessListEntry::new);
    return entry.list().ofMaxSize(3);
  }
}
