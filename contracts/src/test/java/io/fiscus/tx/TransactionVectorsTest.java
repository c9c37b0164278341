package io.fiscus.tx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fiscus.crypto.Keccak;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.testdata.EthereumTests;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every ethereum/tests TransactionTests vector through the structural codec alone (no Fiscus
 * policy), judged by the expectation of the latest fork in each file.
 */
class TransactionVectorsTest {
  private static final List<String> FORKS_OLDEST_FIRST =
      List.of(
          "Frontier",
          "Homestead",
          "EIP150",
          "EIP158",
          "Byzantium",
          "Constantinople",
          "ConstantinopleFix",
          "Istanbul",
          "Berlin",
          "London",
          "Paris",
          "Shanghai",
          "Cancun",
          "Prague",
          "Osaka");

  /** The chain id the vectors were filled with; other chain ids are what INVALID_CHAINID means. */
  private static final long VECTOR_CHAIN_ID = 1;

  /**
   * Expectations that are not decoding concerns. Intrinsic gas (EIP-2028 data cost, EIP-3860 init
   * code cost) and the init code size limit depend on gas accounting and on contract creation,
   * which the executor and mempool judge (and which Fiscus refuses in admission anyway). These
   * vectors must still decode, consistently with any fork that accepted them.
   */
  private static final Set<String> ENFORCED_ELSEWHERE =
      Set.of(
          "TransactionException.INTRINSIC_GAS_TOO_LOW",
          "TransactionException.INITCODE_SIZE_EXCEEDED");

  /**
   * Vectors Ethereum accepts that Fiscus refuses by design, with the reason it must give: nonce and
   * gas limit are Java longs, so both stay below 2^63 (Ethereum allows up to 2^64 - 2 and 2^64 -
   * 1); and EIP-2930 (type 0x01) envelopes are not accepted at all.
   */
  private static final Map<String, TransactionRejection> STRICTER_THAN_ETHEREUM =
      Map.of(
          "TransactionWithHighNonce64Minus2", TransactionRejection.FIELD_OUT_OF_RANGE,
          "TransactionWithHighGasLimit63", TransactionRejection.FIELD_OUT_OF_RANGE,
          "TransactionWithHighGasLimit63Plus1", TransactionRejection.FIELD_OUT_OF_RANGE,
          "TransactionWithHighGasLimit64Minus1", TransactionRejection.FIELD_OUT_OF_RANGE,
          "accessListStorage32Bytes", TransactionRejection.UNSUPPORTED_TYPE);

  private record Vector(String name, Bytes txBytes, JsonNode latest, List<JsonNode> allForks) {}

  @TestFactory
  Stream<DynamicTest> everyVectorMeetsItsLatestForkExpectation() {
    return vectors().stream().map(v -> DynamicTest.dynamicTest(v.name(), () -> check(v)));
  }

  @TestFactory
  Stream<DynamicTest> bouncyCastleAndLibsecp256k1RecoverTheSameSenderForEveryVector() {
    TransactionCodec portable = new TransactionCodec(Secp256k1.portable());
    TransactionCodec fast = new TransactionCodec(Secp256k1.nativeIfAvailable().orElseThrow());
    return vectors().stream()
        .map(
            v ->
                DynamicTest.dynamicTest(
                    v.name(),
                    () ->
                        assertThat(fast.decode(v.txBytes()))
                            .isEqualTo(portable.decode(v.txBytes()))));
  }

  @Test
  void theVectorSetIsPresentAndComplete() {
    // Guards against a silently empty or truncated directory turning the factory into a no-op.
    assertThat(vectors()).hasSizeGreaterThan(200);
  }

  private static void check(Vector vector) {
    TransactionDecoding decoding = TransactionFixtures.CODEC.decode(vector.txBytes());
    TransactionRejection stricter = STRICTER_THAN_ETHEREUM.get(vector.name());
    if (stricter != null) {
      assertThat(decoding).isInstanceOf(TransactionDecoding.Rejected.class);
      assertThat(((TransactionDecoding.Rejected) decoding).reason()).isEqualTo(stricter);
      return;
    }
    JsonNode latest = vector.latest();
    if (!latest.has("exception")) {
      SignedTransaction tx = decoded(decoding);
      assertThat(tx.sender()).isEqualTo(Address.fromHex(latest.get("sender").asText()));
      assertThat(tx.hash()).isEqualTo(Hash.fromHex(latest.get("hash").asText()));
      return;
    }
    String exception = latest.get("exception").asText();
    if (ENFORCED_ELSEWHERE.contains(exception)) {
      assertDecodesConsistently(vector, decoded(decoding));
    } else if (exception.equals("TransactionException.INVALID_CHAINID")
        && decoding instanceof TransactionDecoding.Decoded(SignedTransaction tx)) {
      // The chain id check is admission's (TransactionAdmission.WRONG_CHAIN_ID), not the codec's.
      assertThat(tx.chainId()).isPresent().isNotEqualTo(OptionalLong.of(VECTOR_CHAIN_ID));
    } else {
      assertThat(decoding).as(exception).isInstanceOf(TransactionDecoding.Rejected.class);
    }
  }

  private static void assertDecodesConsistently(Vector vector, SignedTransaction tx) {
    assertThat(tx.hash()).isEqualTo(Keccak.hash(vector.txBytes()));
    assertThat(tx.raw()).isEqualTo(vector.txBytes());
    for (JsonNode fork : vector.allForks()) {
      if (fork.has("sender")) {
        assertThat(tx.sender()).isEqualTo(Address.fromHex(fork.get("sender").asText()));
        assertThat(tx.hash()).isEqualTo(Hash.fromHex(fork.get("hash").asText()));
      }
    }
  }

  private static SignedTransaction decoded(TransactionDecoding decoding) {
    assertThat(decoding).isInstanceOf(TransactionDecoding.Decoded.class);
    return ((TransactionDecoding.Decoded) decoding).transaction();
  }

  private static List<Vector> vectors() {
    Path root = EthereumTests.root();
    List<Vector> vectors = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root.resolve("TransactionTests"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        EthereumTests.read(root.relativize(file).toString())
            .properties()
            .forEach(test -> vectors.add(vector(test.getKey(), test.getValue())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return vectors;
  }

  private static Vector vector(String name, JsonNode test) {
    JsonNode result = test.get("result");
    List<JsonNode> allForks = new ArrayList<>();
    JsonNode latest = null;
    for (String fork : FORKS_OLDEST_FIRST) {
      if (result.has(fork)) {
        allForks.add(result.get(fork));
        latest = result.get(fork);
      }
    }
    assertThat(latest).as("known fork in " + name).isNotNull();
    return new Vector(name, Bytes.fromHex(test.get("txbytes").asText()), latest, allForks);
  }
}
