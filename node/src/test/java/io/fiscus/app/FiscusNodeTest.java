package io.fiscus.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fiscus.genesis.GeneratedNetwork;
import io.fiscus.genesis.GeneratorOptions;
import io.fiscus.genesis.GenesisGenerator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The composition root in-process, on real RocksDB and loopback ports chosen by the OS. */
class FiscusNodeTest {
  private static NodeConfig config(Path dataPath, Path genesisFile, Path keyFile) {
    return InProcessConfigs.alone(dataPath, genesisFile, keyFile);
  }

  private static GeneratedNetwork network(Path out) {
    return new GenesisGenerator(new SecureRandom(), Clock.systemUTC())
        .generate(GeneratorOptions.of(1, out));
  }

  @Test
  void refusesADataDirectoryMadeFromAnotherGenesisNamingBothHashes(@TempDir Path dir) {
    GeneratedNetwork first = network(dir.resolve("first"));
    GeneratedNetwork second = network(dir.resolve("second"));
    Path data = dir.resolve("data");
    Path key = first.validators().get(0).directory().resolve("key");
    try (FiscusNode node = FiscusNode.start(config(data, dir.resolve("first/genesis.json"), key))) {
      assertThat(node).isNotNull();
    }

    assertThatThrownBy(
            () -> FiscusNode.start(config(data, dir.resolve("second/genesis.json"), key)).close())
        .isInstanceOf(CliException.class)
        .hasMessageContaining(first.genesisHash().toHex())
        .hasMessageContaining(second.genesisHash().toHex());
  }

  @Test
  void aDataDirectoryInUseIsOneLineAndExitCodeOne(@TempDir Path dir) {
    network(dir.resolve("net"));
    Path data = dir.resolve("data");
    Path genesis = dir.resolve("net/genesis.json");
    Path key = dir.resolve("net/validator1/key");
    StringWriter err = new StringWriter();
    try (FiscusNode running = FiscusNode.start(config(data, genesis, key))) {
      CommandLine second = FiscusCommand.commandLine().setErr(new PrintWriter(err, true));

      int exit =
          second.execute(
              "node",
              "--data-path=" + data,
              "--genesis-file=" + genesis,
              "--node-private-key-file=" + key,
              "--p2p-port=0",
              "--rpc-http-port=0",
              "--metrics-port=0");

      assertThat(exit).isEqualTo(1);
    }
    assertThat(err.toString().strip().lines()).hasSize(1);
    assertThat(err.toString()).contains("in use").doesNotContain("Exception");
  }
}
