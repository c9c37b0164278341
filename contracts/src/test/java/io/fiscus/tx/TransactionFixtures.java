package io.fiscus.tx;

import io.fiscus.crypto.PrivateKey;
import io.fiscus.rlp.Rlp;
import io.fiscus.rlp.RlpReader;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Keys, sample transactions and raw-field surgery shared by the transaction tests. */
final class TransactionFixtures {
  static final long CHAIN_ID = 1337;
  static final PrivateKey KEY =
      PrivateKey.fromHex("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");
  static final Address TOKEN = Address.fromHex("0x000000000000000000000000000000000000cb01");
  static final TransactionSigner SIGNER = TransactionSigner.withDefaultSigner();
  static final TransactionCodec CODEC = TransactionCodec.withDefaultRecovery();

  private TransactionFixtures() {}

  static UnsignedTransaction eip1559Call() {
    return UnsignedTransaction.eip1559(
        CHAIN_ID,
        7,
        BigInteger.ONE,
        BigInteger.TEN,
        100_000,
        Optional.of(TOKEN),
        BigInteger.ZERO,
        Bytes.fromHex("a9059cbb0000000000000000000000000000000000000000000000000000000000000001"),
        List.of(new AccessListEntry(TOKEN, List.of(Hash.ZERO))));
  }

  static UnsignedTransaction legacyCall(OptionalLong chainId) {
    return UnsignedTransaction.legacy(
        chainId,
        3,
        BigInteger.TEN,
        50_000,
        Optional.of(TOKEN),
        BigInteger.ZERO,
        Bytes.fromHex("0102"));
  }

  static Bytes signed(UnsignedTransaction transaction) {
    return SIGNER.sign(transaction, KEY).raw();
  }

  /** The raw items of a signed transaction's list (the type byte, if any, dropped). */
  static List<byte[]> items(Bytes raw) {
    boolean typed = (raw.get(0) & 0xff) < 0xc0;
    RlpReader list = RlpReader.of(typed ? raw.slice(1, raw.size()) : raw).enterList();
    List<byte[]> items = new ArrayList<>();
    while (list.hasNext()) {
      items.add(list.readRaw());
    }
    return items;
  }

  /** Rebuilds an EIP-1559 transaction from (possibly doctored) raw items. */
  static Bytes eip1559(List<byte[]> items) {
    return Bytes.of((byte) 0x02).concat(Bytes.wrap(Rlp.list(items)));
  }

  static Bytes legacy(List<byte[]> items) {
    return Bytes.wrap(Rlp.list(items));
  }

  /** A signed EIP-1559 call with item {@code index} replaced by {@code encodedItem}. */
  static Bytes eip1559With(int index, byte[] encodedItem) {
    List<byte[]> items = items(signed(eip1559Call()));
    items.set(index, encodedItem);
    return eip1559(items);
  }

  /** A signed EIP-155 legacy call with item {@code index} replaced by {@code encodedItem}. */
  static Bytes legacyWith(int index, byte[] encodedItem) {
    List<byte[]> items = items(signed(legacyCall(OptionalLong.of(CHAIN_ID))));
    items.set(index, encodedItem);
    return legacy(items);
  }
}
