package io.fiscus.trie;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fiscus.testdata.EthereumTests;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The official ethereum/tests TrieTests: every vector's updates lead to its expected root. */
class TrieVectorsTest {
  private interface Trie {
    void put(Bytes key, Bytes value);

    void remove(Bytes key);

    Hash rootHash();
  }

  private static Trie plain() {
    MerklePatriciaTrie trie = new MerklePatriciaTrie(new MemoryTrieNodeStore());
    return new Trie() {
      @Override
      public void put(Bytes key, Bytes value) {
        trie.put(key, value);
      }

      @Override
      public void remove(Bytes key) {
        trie.remove(key);
      }

      @Override
      public Hash rootHash() {
        return trie.rootHash();
      }
    };
  }

  private static Trie secure() {
    SecureTrie trie = new SecureTrie(new MemoryTrieNodeStore());
    return new Trie() {
      @Override
      public void put(Bytes key, Bytes value) {
        trie.put(key, value);
      }

      @Override
      public void remove(Bytes key) {
        trie.remove(key);
      }

      @Override
      public Hash rootHash() {
        return trie.rootHash();
      }
    };
  }

  @TestFactory
  Stream<DynamicTest> trietestVectorsReachTheirRoots() {
    return vectors("trietest.json", false);
  }

  @TestFactory
  Stream<DynamicTest> trieanyorderVectorsReachTheirRoots() {
    return vectors("trieanyorder.json", false);
  }

  @TestFactory
  Stream<DynamicTest> secureTrietestVectorsReachTheirRoots() {
    return vectors("trietest_secureTrie.json", true);
  }

  @TestFactory
  Stream<DynamicTest> secureTrieanyorderVectorsReachTheirRoots() {
    return vectors("trieanyorder_secureTrie.json", true);
  }

  @TestFactory
  Stream<DynamicTest> hexEncodedSecureTrieVectorsReachTheirRoots() {
    return vectors("hex_encoded_securetrie_test.json", true);
  }

  private static Stream<DynamicTest> vectors(String file, boolean secure) {
    JsonNode all = EthereumTests.read("TrieTests/" + file);
    List<DynamicTest> tests = new ArrayList<>();
    all.properties()
        .iterator()
        .forEachRemaining(
            vector ->
                tests.add(
                    DynamicTest.dynamicTest(
                        file + " " + vector.getKey(),
                        () -> {
                          Trie trie = secure ? secure() : plain();
                          for (Update update : updates(vector.getValue().get("in"))) {
                            if (update.value() == null) {
                              trie.remove(update.key());
                            } else {
                              trie.put(update.key(), update.value());
                            }
                          }
                          Hash expected = Hash.fromHex(vector.getValue().get("root").asText());
                          assertThat(trie.rootHash()).isEqualTo(expected);
                        })));
    assertThat(tests).isNotEmpty();
    return tests.stream();
  }

  private record Update(Bytes key, Bytes value) {}

  private static List<Update> updates(JsonNode in) {
    List<Update> updates = new ArrayList<>();
    if (in.isArray()) {
      for (JsonNode pair : in) {
        updates.add(new Update(bytes(pair.get(0)), bytes(pair.get(1))));
      }
    } else {
      for (Map.Entry<String, JsonNode> entry : in.properties()) {
        updates.add(new Update(text(entry.getKey()), bytes(entry.getValue())));
      }
    }
    return updates;
  }

  private static Bytes bytes(JsonNode node) {
    return node == null || node.isNull() ? null : text(node.asText());
  }

  /** Vector keys and values are hex if they start with 0x, else UTF-8 text. */
  private static Bytes text(String value) {
    return value.startsWith("0x")
        ? Bytes.fromHex(value)
        : Bytes.wrap(value.getBytes(StandardCharsets.UTF_8));
  }
}
