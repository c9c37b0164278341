package io.fiscus.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchResultsTest {

  static BenchResults.Run run(int offeredTps) {
    return new BenchResults.Run(
        4,
        250,
        offeredTps,
        9_836,
        new BigDecimal("180.2"),
        new BigDecimal("412.0"),
        new BigDecimal("530.7"),
        812,
        61,
        new BigDecimal("2.5"),
        new BigDecimal("30.50"),
        30,
        300_000,
        299_990,
        10,
        Map.of("-32000 Transaction pool is full", 10L),
        299_990,
        0,
        0,
        250,
        2_000,
        121,
        2_612,
        10,
        new BigDecimal("3.1"),
        new BigDecimal("12.05"),
        new BigDecimal("0.40"),
        List.of(
            new BenchResults.Node(
                "validator1", new BigDecimal("18.30"), 61, 812, 900, Map.of("blocks", "121"))),
        null);
  }

  static BenchResults.Machine machine() {
    return new BenchResults.Machine(2, 23_225, "libsecp256k1", 20_000, 9, 180_000, "AMD", "25");
  }

  @Test
  void theJsonHasTheSharedShapeOfIssueSeven() throws Exception {
    BenchResults results = new BenchResults(machine(), List.of(run(10_000)));

    JsonNode json = new ObjectMapper().readTree(results.toJson());

    assertThat(json.path("machine").path("cores").asInt()).isEqualTo(2);
    assertThat(json.path("machine").path("recoveriesPerSecondPerCore").asLong()).isEqualTo(23_225);
    JsonNode first = json.path("runs").get(0);
    assertThat(first.path("validators").asInt()).isEqualTo(4);
    assertThat(first.path("blockPeriodMs").asInt()).isEqualTo(250);
    assertThat(first.path("offeredTps").asInt()).isEqualTo(10_000);
    assertThat(first.path("finalizedTps").asLong()).isEqualTo(9_836);
    assertThat(first.path("p50Ms").decimalValue()).isEqualByComparingTo("180.2");
    assertThat(first.path("p99Ms").decimalValue()).isEqualByComparingTo("412.0");
    assertThat(first.path("maxMs").decimalValue()).isEqualByComparingTo("530.7");
    assertThat(first.path("rssMbPerNode").asLong()).isEqualTo(812);
    assertThat(first.path("cpuPercentPerNode").asLong()).isEqualTo(61);
    assertThat(first.path("roundChangesPer1000Blocks").decimalValue()).isEqualByComparingTo("2.5");
    assertThat(first.path("nodes").get(0).path("name").asText()).isEqualTo("validator1");
    assertThat(first.path("rejectionsByCode").path("-32000 Transaction pool is full").asLong())
        .isEqualTo(10);
  }

  @Test
  void theRequiredRunFieldsComeFirstAndInTheIssuesOrder() throws Exception {
    BenchResults results = new BenchResults(machine(), List.of(run(5_000), run(10_000)));

    JsonNode json = new ObjectMapper().readTree(results.toJson());
    List<String> machineFields = new ArrayList<>();
    json.path("machine").fieldNames().forEachRemaining(machineFields::add);
    List<String> runFields = new ArrayList<>();
    json.path("runs").get(0).fieldNames().forEachRemaining(runFields::add);

    assertThat(machineFields).startsWith("cores", "recoveriesPerSecondPerCore");
    assertThat(runFields)
        .startsWith(
            "validators",
            "blockPeriodMs",
            "offeredTps",
            "finalizedTps",
            "p50Ms",
            "p99Ms",
            "maxMs",
            "rssMbPerNode",
            "cpuPercentPerNode",
            "roundChangesPer1000Blocks");
    assertThat(json.path("runs")).hasSize(2);
    assertThat(json.path("runs").get(1).path("offeredTps").asInt()).isEqualTo(10_000);
  }

  @Test
  void latenciesAreWrittenAsPlainDecimalNumbers() {
    String text = new BenchResults(machine(), List.of(run(1))).toJson();

    assertThat(text).contains("\"p50Ms\" : 180.2").contains("\"p99Ms\" : 412.0");
  }

  @Test
  void aRunWithoutCatchUpLeavesTheFieldOutAndOneWithItWritesItsFigures() throws Exception {
    BenchResults.CatchUp catchUp =
        new BenchResults.CatchUp(
            400,
            60_000,
            new BigDecimal("2.10"),
            new BigDecimal("8.00"),
            new BigDecimal("10.10"),
            new BigDecimal("50.0"),
            7_500);
    BenchResults results =
        new BenchResults(machine(), List.of(run(1), run(2).withCatchUp(catchUp)));

    JsonNode json = new ObjectMapper().readTree(results.toJson());

    assertThat(json.path("runs").get(0).has("catchUp")).isFalse();
    JsonNode written = json.path("runs").get(1).path("catchUp");
    assertThat(written.path("blocks").asLong()).isEqualTo(400);
    assertThat(written.path("transactionsPerSecond").asLong()).isEqualTo(7_500);
    assertThat(json.path("runs").get(1).path("offeredTps").asInt()).isEqualTo(2);
  }
}
