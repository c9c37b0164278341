package io.fiscus.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole load tool against real {@code fiscus node} processes on loopback (run from this JVM's
 * classpath): a small two-validator run, then the catch-up of a fresh full node. Asserts what must
 * hold whatever the machine's speed: every transaction offered is accepted and finalized, every
 * validator is measured, the full node ends on the validators' chain, and the results file has the
 * shared shape. No timing is asserted.
 */
class LoadBenchmarkIT {

  @Test
  void twoValidatorsFinalizeEveryOfferedTransferAndAFreshFullNodeCatchesUp(@TempDir Path dir)
      throws Exception {
    Path results = dir.resolve("results.json");
    LoadOptions options =
        LoadOptions.parse(
            "--validators", "2",
            "--tps", "200",
            "--duration", "3",
            "--senders", "40",
            "--batch", "20",
            "--block-period-ms", "200",
            "--recoveries", "1000",
            "--out", results.toString());
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    BenchResults run =
        new LoadBenchmark(options, new PrintStream(printed, true, StandardCharsets.UTF_8)).run();

    BenchResults.Run only = run.runs().get(0);
    assertThat(only.validators()).isEqualTo(2);
    assertThat(only.submitted()).isEqualTo(600);
    assertThat(only.accepted()).as(printed.toString(StandardCharsets.UTF_8)).isEqualTo(600);
    assertThat(only.finalized()).isEqualTo(600);
    assertThat(only.nodes())
        .extracting(BenchResults.Node::name)
        .containsExactly("validator1", "validator2");
    assertThat(only.nodes()).allSatisfy(node -> assertThat(node.metrics()).containsKey("blocks"));
    assertThat(only.catchUp()).isNotNull();
    // Setup (limits, mint, 40 registrations and fundings) and the load: 682 transactions.
    assertThat(only.catchUp().transactions()).isEqualTo(682);
    assertThat(only.catchUp().blocks()).isPositive();

    JsonNode written = new ObjectMapper().readTree(results.toFile());
    assertThat(written.path("machine").path("cores").asInt()).isPositive();
    assertThat(written.path("machine").path("rocksDbPutsPerSecond").asLong()).isPositive();
    assertThat(written.path("runs").get(0).path("finalizedTps").asLong()).isPositive();
    assertThat(dir.resolve("bench-logs/2-validators-200-tps/validator2.log")).exists();
    assertThat(Files.readString(dir.resolve("bench-logs/2-validators-200-tps/full-node.log")))
        .contains("Caught up");
  }
}
