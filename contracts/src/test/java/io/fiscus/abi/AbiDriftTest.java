package io.fiscus.abi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fiscus.contracts.SystemContracts;
import io.fiscus.contracts.invoices.TaxInvoices;
import io.fiscus.contracts.records.LedgerRecords;
import io.fiscus.contracts.registry.Registry;
import io.fiscus.contracts.system.ContractFunction;
import io.fiscus.contracts.system.SystemContract;
import io.fiscus.contracts.token.Token;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The ABI JSON compiled from the Solidity interfaces and the Java contracts cannot drift apart. */
class AbiDriftTest {
  private static JsonNode abi(String contract) throws IOException {
    try (InputStream in = AbiDriftTest.class.getResourceAsStream("/abi/" + contract + ".json")) {
      assertThat(in).as("abi/%s.json on the classpath", contract).isNotNull();
      return new ObjectMapper().readTree(in).get("abi");
    }
  }

  private static String canonicalType(JsonNode parameter) {
    String type = parameter.get("type").asText();
    if (type.startsWith("tuple")) {
      List<String> members = new ArrayList<>();
      parameter.get("components").forEach(c -> members.add(canonicalType(c)));
      return "(" + String.join(",", members) + ")" + type.substring("tuple".length());
    }
    return type;
  }

  private static SortedSet<String> signatures(JsonNode abi, String kind) {
    TreeSet<String> out = new TreeSet<>();
    for (JsonNode entry : abi) {
      if (entry.get("type").asText().equals(kind)) {
        List<String> inputs = new ArrayList<>();
        entry.get("inputs").forEach(p -> inputs.add(canonicalType(p)));
        out.add(entry.get("name").asText() + "(" + String.join(",", inputs) + ")");
      }
    }
    return out;
  }

  @Test
  void everyFunctionAndEventInTheAbiJsonHasAJavaTwin() throws IOException {
    SystemContracts contracts = new SystemContracts();
    List<String> names = List.of("Registry", "Token", "TaxInvoices", "LedgerRecords");
    List<List<String>> events =
        List.of(Registry.EVENTS, Token.EVENTS, TaxInvoices.EVENTS, LedgerRecords.EVENTS);
    for (int i = 0; i < names.size(); i++) {
      JsonNode abi = abi(names.get(i));
      SystemContract contract = contracts.contracts().get(i);
      TreeSet<String> javaFunctions = new TreeSet<>();
      for (ContractFunction function : contract.functions()) {
        javaFunctions.add(function.signature());
        assertThat(function.selector()).isEqualTo(AbiSignatures.selector(function.signature()));
      }
      assertThat(javaFunctions).as(names.get(i)).isEqualTo(signatures(abi, "function"));
      assertThat(new TreeSet<>(events.get(i))).as(names.get(i)).isEqualTo(signatures(abi, "event"));
    }
  }
}
