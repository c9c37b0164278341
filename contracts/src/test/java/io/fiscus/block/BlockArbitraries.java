package io.fiscus.block;

import io.fiscus.crypto.Signature;
import io.fiscus.rlp.Rlp;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Random block-model values for the codec properties. */
final class BlockArbitraries {
  private BlockArbitraries() {}

  static Arbitrary<Bytes> bytes(int minSize, int maxSize) {
    return Arbitraries.bytes()
        .array(byte[].class)
        .ofMinSize(minSize)
        .ofMaxSize(maxSize)
        .map(Bytes::wrap);
  }

  static Arbitrary<Hash> hashes() {
    return bytes(32, 32).map(Hash::new);
  }

  static Arbitrary<Address> addresses() {
    return bytes(20, 20).map(Address::new);
  }

  static Arbitrary<LogsBloom> blooms() {
    return Arbitraries.oneOf(
        bytes(256, 256).map(LogsBloom::new), logs().list().ofMaxSize(3).map(LogsBloom::of));
  }

  static Arbitrary<Long> scalars() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(0, 300), Arbitraries.longs().between(0, Long.MAX_VALUE));
  }

  static Arbitrary<Log> logs() {
    return Combinators.combine(addresses(), hashes().list().ofMaxSize(4), bytes(0, 80))
        .as(Log::new);
  }

  static Arbitrary<Signature> seals() {
    Arbitrary<BigInteger> scalar =
        Arbitraries.bigIntegers()
            .between(BigInteger.ONE, Signature.CURVE_ORDER.subtract(BigInteger.ONE));
    return Combinators.combine(scalar, scalar, Arbitraries.integers().between(0, 1))
        .as(Signature::new);
  }

  static Arbitrary<Optional<Vote>> votes() {
    return Combinators.combine(addresses(), Arbitraries.of(true, false))
        .as(Vote::new)
        .optional(0.5);
  }

  static Arbitrary<QbftExtraData> extraData() {
    return Combinators.combine(
            bytes(32, 32),
            addresses().list().ofMaxSize(6),
            votes(),
            Arbitraries.oneOf(
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, Integer.MAX_VALUE)),
            seals().list().ofMaxSize(4))
        .as(QbftExtraData::new);
  }

  private record HeaderHashes(
      Hash parent, Hash ommers, Address coinbase, Hash state, Hash transactions, Hash receipts) {}

  private record HeaderScalars(
      long difficulty, long number, long gasLimit, long gasUsed, long timestamp, long baseFee) {}

  /** Headers with QBFT extraData (mostly) or arbitrary extraData bytes. */
  static Arbitrary<BlockHeader> headers() {
    Arbitrary<HeaderHashes> hashes =
        Combinators.combine(hashes(), hashes(), addresses(), hashes(), hashes(), hashes())
            .as(HeaderHashes::new);
    Arbitrary<HeaderScalars> scalars =
        Combinators.combine(scalars(), scalars(), scalars(), scalars(), scalars(), scalars())
            .as(HeaderScalars::new);
    Arbitrary<Bytes> extra =
        Arbitraries.frequencyOf(
            Tuple.of(4, extraData().map(QbftExtraDataCodec::encode)), Tuple.of(1, bytes(0, 100)));
    return Combinators.combine(hashes, scalars, blooms(), extra, hashes(), bytes(8, 8))
        .as(
            (h, s, bloom, extraData, mix, nonce) ->
                new BlockHeader(
                    h.parent(),
                    h.ommers(),
                    h.coinbase(),
                    h.state(),
                    h.transactions(),
                    h.receipts(),
                    bloom,
                    s.difficulty(),
                    s.number(),
                    s.gasLimit(),
                    s.gasUsed(),
                    s.timestamp(),
                    extraData,
                    mix,
                    nonce,
                    s.baseFee()));
  }

  static Arbitrary<Receipt> receipts() {
    return Combinators.combine(
            Arbitraries.of(Receipt.LEGACY_TYPE, Receipt.EIP1559_TYPE),
            Arbitraries.of(true, false),
            scalars(),
            blooms(),
            logs().list().ofMaxSize(3))
        .as(Receipt::new);
  }

  static Arbitrary<TransactionOutcome> outcomes() {
    Arbitrary<String> reasons =
        Arbitraries.oneOf(
            Arbitraries.strings().alpha().numeric().withChars(' ', 'é', '€').ofMaxLength(40),
            Arbitraries.just(""));
    return Combinators.combine(receipts(), scalars(), reasons.optional(0.5))
        .as(TransactionOutcome::new);
  }

  /** Raw transactions: typed envelopes ({@code type ‖ payload}) or legacy RLP lists. */
  static Arbitrary<Bytes> rawTransactions() {
    Arbitrary<Bytes> typed =
        Combinators.combine(Arbitraries.integers().between(0, 0x7f), bytes(0, 120))
            .as((type, payload) -> Bytes.of((byte) (int) type).concat(payload));
    Arbitrary<Bytes> legacy =
        bytes(0, 40)
            .list()
            .ofMaxSize(9)
            .map(
                items ->
                    Bytes.wrap(Rlp.list(items.stream().map(item -> Rlp.string(item)).toList())));
    return Arbitraries.oneOf(typed, legacy);
  }

  static Arbitrary<Block> blocks() {
    return Combinators.combine(headers(), rawTransactions().list().ofMaxSize(6)).as(Block::new);
  }

  static List<Address> fourAddresses() {
    return List.of(
        Address.fromHex("0x0a3f9c8b2e71d45a6c0b8e93f1d27c4a5b6e8f01"),
        Address.fromHex("0x4c1e2d3f5a6b7c8d9eaf0b1c2d3e4f5a6b7c8d9e"),
        Address.fromHex("0x9e8d7c6b5a4f3e2d1c0bafe9d8c7b6a5f4e3d2c1"),
        Address.fromHex("0xf00dbabe1234567890abcdef0123456789abcdef"));
  }
}
