package io.fiscus.tx;

import static io.fiscus.tx.TransactionFixtures.CODEC;
import static io.fiscus.tx.TransactionFixtures.KEY;
import static io.fiscus.tx.TransactionFixtures.SIGNER;
import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.AccessListObject;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;

/** Transactions signed by Web3j decode to its sender and hash; ours are byte-identical to its. */
class Web3jInteropTest {
  private static final long CHAIN_ID = 1337;
  private static final Credentials CREDENTIALS = Credentials.create(KEY.toBytes().toHex());
  private static final String TO = "0x000000000000000000000000000000000000cb01";
  private static final String DATA =
      "a9059cbb000000000000000000000000000000000000000000000000000000000000002a";
  private static final String STORAGE_KEY =
      "0x0000000000000000000000000000000000000000000000000000000000000007";

  private static SignedTransaction decode(byte[] raw) {
    TransactionDecoding decoding = CODEC.decode(Bytes.wrap(raw));
    assertThat(decoding).isInstanceOf(TransactionDecoding.Decoded.class);
    return ((TransactionDecoding.Decoded) decoding).transaction();
  }

  private static void assertSameSenderAndHash(byte[] web3jSigned, SignedTransaction decoded) {
    assertThat(decoded.sender()).isEqualTo(Address.fromHex(CREDENTIALS.getAddress()));
    assertThat(decoded.hash()).isEqualTo(Hash.wrap(org.web3j.crypto.Hash.sha3(web3jSigned)));
  }

  @Test
  void web3jSignedEip1559TransactionDecodesToItsSenderAndHash() {
    RawTransaction tx =
        RawTransaction.createTransaction(
            CHAIN_ID,
            BigInteger.valueOf(5),
            BigInteger.valueOf(90_000),
            TO,
            BigInteger.ZERO,
            DATA,
            BigInteger.valueOf(2),
            BigInteger.valueOf(3_000_000_000L),
            List.of(new AccessListObject(TO, List.of(STORAGE_KEY))));
    byte[] web3jSigned = TransactionEncoder.signMessage(tx, CHAIN_ID, CREDENTIALS);
    SignedTransaction decoded = decode(web3jSigned);
    assertSameSenderAndHash(web3jSigned, decoded);
    assertThat(decoded.type()).isEqualTo(TransactionType.EIP_1559);
    assertThat(decoded.nonce()).isEqualTo(5);
    assertThat(decoded.accessList())
        .containsExactly(
            new AccessListEntry(Address.fromHex(TO), List.of(Hash.fromHex(STORAGE_KEY))));

    SignedTransaction ours = SIGNER.sign(decoded.unsigned(), KEY);
    assertThat(ours.raw()).isEqualTo(Bytes.wrap(web3jSigned));
  }

  @Test
  void web3jSignedEip155LegacyTransactionDecodesToItsSenderAndHash() {
    RawTransaction tx =
        RawTransaction.createTransaction(
            BigInteger.valueOf(9),
            BigInteger.valueOf(1_000_000_000L),
            BigInteger.valueOf(60_000),
            TO,
            BigInteger.ZERO,
            DATA);
    byte[] web3jSigned = TransactionEncoder.signMessage(tx, CHAIN_ID, CREDENTIALS);
    SignedTransaction decoded = decode(web3jSigned);
    assertSameSenderAndHash(web3jSigned, decoded);
    assertThat(decoded.type()).isEqualTo(TransactionType.LEGACY);
    assertThat(decoded.chainId()).isEqualTo(OptionalLong.of(CHAIN_ID));
  }

  @Test
  void ourSignerProducesWeb3jsBytesForTheSameKeyAndFields() {
    UnsignedTransaction eip1559 =
        UnsignedTransaction.eip1559(
            CHAIN_ID,
            11,
            BigInteger.ONE,
            BigInteger.valueOf(7),
            21_000,
            Optional.of(Address.fromHex(TO)),
            BigInteger.ZERO,
            Bytes.fromHex(DATA),
            List.of());
    byte[] web3jEip1559 =
        TransactionEncoder.signMessage(
            RawTransaction.createTransaction(
                CHAIN_ID,
                BigInteger.valueOf(11),
                BigInteger.valueOf(21_000),
                TO,
                BigInteger.ZERO,
                DATA,
                BigInteger.ONE,
                BigInteger.valueOf(7)),
            CHAIN_ID,
            CREDENTIALS);
    assertThat(SIGNER.sign(eip1559, KEY).raw()).isEqualTo(Bytes.wrap(web3jEip1559));

    UnsignedTransaction legacy =
        UnsignedTransaction.legacy(
            OptionalLong.of(CHAIN_ID),
            12,
            BigInteger.TEN,
            21_000,
            Optional.of(Address.fromHex(TO)),
            BigInteger.ZERO,
            Bytes.fromHex(DATA));
    byte[] web3jLegacy =
        TransactionEncoder.signMessage(
            RawTransaction.createTransaction(
                BigInteger.valueOf(12),
                BigInteger.TEN,
                BigInteger.valueOf(21_000),
                TO,
                BigInteger.ZERO,
                DATA),
            CHAIN_ID,
            CREDENTIALS);
    assertThat(SIGNER.sign(legacy, KEY).raw()).isEqualTo(Bytes.wrap(web3jLegacy));
  }
}
