package io.fiscus.tx;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.fiscus.crypto.Keccak;
import io.fiscus.types.Bytes;

/**
 * Jazzer fuzz test of raw transaction decoding, the first thing {@code eth_sendRawTransaction} and
 * transaction gossip do with a stranger's bytes. {@link TransactionCodec#decode} promises never to
 * throw; whatever it accepts must be the one canonical encoding of what it decoded. Seeds (signed
 * legacy, EIP-155 and EIP-1559 transactions) live in {@code TransactionDecodingFuzzTestInputs/}.
 */
class TransactionDecodingFuzzTest {
  private static final TransactionCodec CODEC = TransactionCodec.withDefaultRecovery();

  @FuzzTest
  void anyBytesDecodeToATransactionOrARejectionAndAcceptedOnesReEncodeExactly(byte[] input) {
    Bytes raw = Bytes.wrap(input);

    TransactionDecoding decoding = CODEC.decode(raw);

    switch (decoding) {
      case TransactionDecoding.Rejected rejected -> {
        assertThat(rejected.reason()).isNotNull();
        assertThat(rejected.detail()).isNotBlank();
      }
      case TransactionDecoding.Decoded decoded -> {
        SignedTransaction transaction = decoded.transaction();
        assertThat(TransactionCodec.encode(transaction.unsigned(), transaction.signature()))
            .isEqualTo(raw);
        assertThat(transaction.hash()).isEqualTo(Keccak.hash(raw));
        assertThat(transaction.raw()).isEqualTo(raw);
      }
    }
  }
}
