package io.fiscus.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class NodeCommandTest {
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine commandLine = FiscusCommand.commandLine();
    commandLine.setErr(new PrintWriter(err, true));
    commandLine.setOut(new PrintWriter(new StringWriter(), true));
    return commandLine.execute(args);
  }

  private String errorLines() {
    return err.toString().strip();
  }

  @Test
  void unknownFlagIsOneLineAndExitCodeTwo() {
    assertThat(run("node", "--rpc-http-prot", "1")).isEqualTo(CliExit.USAGE);
    assertThat(errorLines()).doesNotContain("\n").contains("--rpc-http-prot");
  }

  @Test
  void portOutOfRangeIsRefusedBeforeAnythingStarts() {
    assertThat(run("node", "--genesis-file", "g.json", "--p2p-port", "70000")).isEqualTo(2);
    assertThat(errorLines())
        .isEqualTo("fiscus node: --p2p-port must be a port number (0..65535), not 70000");
  }

  @Test
  void missingGenesisFileIsAUsageError() {
    assertThat(run("node")).isEqualTo(2);
    assertThat(errorLines()).contains("missing --genesis-file");
  }

  @Test
  void malformedBootnodeIsRefused() {
    assertThat(run("node", "--genesis-file", "g.json", "--bootnodes", "enode://abc@h:1"))
        .isEqualTo(2);
    assertThat(errorLines()).contains("not an enode URL");
  }

  @Test
  void aNegativeRateLimitIsRefused() {
    assertThat(run("node", "--genesis-file", "g.json", "--rpc-rate-limit-per-ip", "-1"))
        .isEqualTo(2);
    assertThat(errorLines())
        .isEqualTo(
            "fiscus node: --rpc-rate-limit-per-ip must be 0 (no limit) or a positive rate, not -1");
  }

  @Test
  void anEmptyBurstIsRefused() {
    assertThat(run("node", "--genesis-file", "g.json", "--rpc-rate-limit-per-caller-burst", "0"))
        .isEqualTo(2);
    assertThat(errorLines()).contains("--rpc-rate-limit-per-caller-burst must be between 1 and");
  }

  @Test
  void aFilterCapOfZeroIsRefused() {
    assertThat(run("node", "--genesis-file", "g.json", "--rpc-max-filters-per-caller", "0"))
        .isEqualTo(2);
    assertThat(errorLines()).contains("--rpc-max-filters-per-caller must be positive");
  }

  @Test
  void unknownConfigFileKeyIsRefused(@TempDir Path dir) throws IOException {
    Path toml = Files.writeString(dir.resolve("node.toml"), "rpc-http-prot = 1\n");
    assertThat(run("node", "--config-file", toml.toString())).isEqualTo(2);
    assertThat(errorLines()).contains("unknown key 'rpc-http-prot'");
  }

  @Test
  void malformedConfigFileIsRefused(@TempDir Path dir) throws IOException {
    Path toml = Files.writeString(dir.resolve("node.toml"), "p2p-port = = 3\n");
    assertThat(run("node", "--config-file", toml.toString())).isEqualTo(2);
    assertThat(errorLines()).doesNotContain("\n").contains("cannot read config file");
  }

  @Test
  void badValueInConfigFileNamesTheFile(@TempDir Path dir) throws IOException {
    Path toml = Files.writeString(dir.resolve("node.toml"), "p2p-port = \"many\"\n");
    assertThat(run("node", "--config-file", toml.toString())).isEqualTo(2);
    assertThat(errorLines()).contains("node.toml").contains("many");
  }

  @Test
  void configFilePathsResolveAgainstItsDirectoryAndFlagsWin(@TempDir Path dir) throws IOException {
    Path toml =
        Files.writeString(
            dir.resolve("node.toml"),
            "data-path = \"data\"\ngenesis-file = \"../genesis.json\"\np2p-port = 4000\n"
                + "bootnodes = [\"enode://"
                + "a".repeat(128)
                + "@127.0.0.1:1\"]\n");
    CommandLine.Model.CommandSpec spec = new CommandLine(new NodeCommand()).getCommandSpec();

    List<String> arguments = TomlConfigFile.asArguments(toml, spec, Set.of("--p2p-port"));

    assertThat(arguments)
        .containsExactly(
            "--data-path=" + dir.resolve("data"),
            "--genesis-file=" + dir.getParent().resolve("genesis.json"),
            "--bootnodes=enode://" + "a".repeat(128) + "@127.0.0.1:1");
  }

  @Test
  void configFileCannotNameAnotherConfigFile(@TempDir Path dir) throws IOException {
    Path toml = Files.writeString(dir.resolve("node.toml"), "config-file = \"other.toml\"\n");
    CommandLine.Model.CommandSpec spec = new CommandLine(new NodeCommand()).getCommandSpec();
    assertThatThrownBy(() -> TomlConfigFile.asArguments(toml, spec, Set.of()))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("unknown key 'config-file'");
  }
}
