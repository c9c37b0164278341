package io.fiscus.rlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fiscus.testdata.EthereumTests;
import io.fiscus.types.Bytes;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The official RLPTests: every valid vector encodes and decodes; every invalid one is rejected. */
class RlpVectorsTest {

  @TestFactory
  Stream<DynamicTest> validVectorsEncodeToTheExpectedBytesAndDecodeBack() {
    JsonNode vectors = EthereumTests.read("RLPTests/rlptest.json");
    return fields(vectors).stream()
        .map(
            entry ->
                DynamicTest.dynamicTest(
                    entry.getKey(),
                    () -> {
                      byte[] expected =
                          Bytes.fromHex(entry.getValue().get("out").asText()).toArray();
                      byte[] encoded = encode(entry.getValue().get("in"));
                      assertThat(Bytes.wrap(encoded)).isEqualTo(Bytes.wrap(expected));
                      RlpReader reader = RlpReader.of(expected);
                      assertThat(Bytes.wrap(reencode(reader))).isEqualTo(Bytes.wrap(expected));
                      reader.requireEnd();
                    }));
  }

  @TestFactory
  Stream<DynamicTest> invalidVectorsAreRejected() {
    JsonNode vectors = EthereumTests.read("RLPTests/invalidRLPTest.json");
    return fields(vectors).stream()
        .map(
            entry ->
                DynamicTest.dynamicTest(
                    entry.getKey(),
                    () -> {
                      byte[] input = Bytes.fromHex(entry.getValue().get("out").asText()).toArray();
                      assertThatThrownBy(
                              () -> {
                                RlpReader reader = RlpReader.of(input);
                                reencode(reader);
                                reader.requireEnd();
                              })
                          .isInstanceOf(RlpException.class);
                    }));
  }

  @TestFactory
  Stream<DynamicTest> randomVectorsDecode() {
    JsonNode vectors = EthereumTests.read("RLPTests/RandomRLPTests/example.json");
    return fields(vectors).stream()
        .map(
            entry ->
                DynamicTest.dynamicTest(
                    entry.getKey(),
                    () -> {
                      byte[] input = Bytes.fromHex(entry.getValue().get("out").asText()).toArray();
                      RlpReader reader = RlpReader.of(input);
                      assertThat(Bytes.wrap(reencode(reader))).isEqualTo(Bytes.wrap(input));
                      reader.requireEnd();
                    }));
  }

  private static List<Map.Entry<String, JsonNode>> fields(JsonNode node) {
    List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
    node.properties().forEach(out::add);
    return out;
  }

  /** Decodes one item (recursively) and encodes it again, exercising every decoder path. */
  static byte[] reencode(RlpReader reader) {
    if (reader.nextIsList()) {
      RlpReader inner = reader.enterList();
      List<byte[]> items = new ArrayList<>();
      while (inner.hasNext()) {
        items.add(reencode(inner));
      }
      return Rlp.list(items);
    }
    return Rlp.string(reader.readBytes());
  }

  private static byte[] encode(JsonNode in) {
    if (in.isArray()) {
      List<byte[]> items = new ArrayList<>();
      in.forEach(item -> items.add(encode(item)));
      return Rlp.list(items);
    }
    if (in.isIntegralNumber()) {
      return Rlp.uint(in.bigIntegerValue());
    }
    String text = in.asText();
    if (text.startsWith("#")) {
      return Rlp.uint(new BigInteger(text.substring(1)));
    }
    return Rlp.string(text.getBytes(StandardCharsets.UTF_8));
  }
}
