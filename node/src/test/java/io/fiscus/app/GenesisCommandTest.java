package io.fiscus.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.genesis.GenesisBlock;
import io.fiscus.genesis.GenesisConfig;
import io.fiscus.genesis.GenesisParser;
import io.fiscus.genesis.NodeKeyFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenesisCommandTest {
  @TempDir Path dir;

  @Test
  void generateWritesANetworkAndReportsItsGenesisHash() {
    Path out = dir.resolve("net");

    CommandRun run =
        CommandRun.of(
            new GenesisCommand(),
            "generate",
            "--validators",
            "4",
            "--out",
            out.toString(),
            "--chain-id",
            "4242",
            "--block-period-ms",
            "250");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    GenesisConfig genesis = GenesisParser.parse(out.resolve("genesis.json"));
    assertThat(genesis.chainId()).isEqualTo(4242);
    assertThat(genesis.qbft().blockPeriodMillis()).isEqualTo(250);
    assertThat(genesis.validators()).hasSize(4);
    assertThat(run.out())
        .contains("Wrote a 4-validator network to " + out)
        .contains(GenesisBlock.of(genesis).hash().toHex())
        .contains("validator4 " + genesis.validators().get(3).toHex());
  }

  @Test
  void rpcAuthenticationFalseWritesADevelopmentConfigAndSaysSo() throws Exception {
    Path out = dir.resolve("net");
    CommandRun run =
        CommandRun.of(
            new GenesisCommand(),
            "generate",
            "--validators",
            "1",
            "--out",
            out.toString(),
            "--rpc-authentication=false");

    assertThat(run.exitCode()).isZero();
    JsonNode toml = new TomlMapper().readTree(out.resolve("validator1/node.toml").toFile());
    assertThat(toml.get("rpc-authentication-enabled").asBoolean()).isFalse();
    assertThat(run.out()).contains("RPC authentication OFF");
  }

  @Test
  void nodeTomlIsValidTomlWithTheNodesFlagsAsKeys() throws Exception {
    Path out = dir.resolve("net");
    assertThat(
            CommandRun.of(
                    new GenesisCommand(), "generate", "--validators", "3", "--out", out.toString())
                .exitCode())
        .isZero();

    JsonNode toml = new TomlMapper().readTree(out.resolve("validator1/node.toml").toFile());

    assertThat(toml.get("data-path").asText()).isEqualTo("data");
    assertThat(toml.get("genesis-file").asText()).isEqualTo("../genesis.json");
    assertThat(toml.get("node-private-key-file").asText()).isEqualTo("key");
    assertThat(toml.get("p2p-port").asInt()).isEqualTo(30303);
    assertThat(toml.get("rpc-http-port").asInt()).isEqualTo(8545);
    assertThat(toml.get("metrics-port").asInt()).isEqualTo(9545);
    assertThat(toml.get("rpc-authentication-enabled").asBoolean()).isTrue();
    List<String> bootnodes = new ArrayList<>();
    toml.get("bootnodes").forEach(node -> bootnodes.add(node.asText()));
    assertThat(bootnodes).hasSize(2);
    for (int k = 2; k <= 3; k++) {
      String publicKey =
          Secp256k1.signer()
              .publicKey(NodeKeyFile.read(out.resolve("validator" + k + "/key")))
              .toHex()
              .substring(2);
      assertThat(bootnodes).contains("enode://" + publicKey + "@127.0.0.1:" + (30303 + k - 1));
    }
  }

  @Test
  void aNonEmptyOutputDirectoryIsOneLineAndExitCodeTwo() throws Exception {
    Files.writeString(dir.resolve("existing"), "x");

    CommandRun run =
        CommandRun.of(
            new GenesisCommand(), "generate", "--validators", "1", "--out", dir.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "genesis generate: "
                + dir
                + ": directory is not empty; refusing to overwrite a network (choose a new --out)"
                + System.lineSeparator());
  }

  @Test
  void tooManyValidatorsIsOneLineAndExitCodeTwo() {
    CommandRun run =
        CommandRun.of(
            new GenesisCommand(),
            "generate",
            "--validators",
            "33",
            "--out",
            dir.resolve("net").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo("genesis generate: validators must be 1..32, got 33" + System.lineSeparator());
    assertThat(dir.resolve("net")).doesNotExist();
  }

  @Test
  void aBlockPeriodOutOfRangeIsRejected() {
    CommandRun run =
        CommandRun.of(
            new GenesisCommand(),
            "generate",
            "--validators",
            "1",
            "--out",
            dir.resolve("net").toString(),
            "--block-period-ms",
            "10");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("block period must be 100..60000 ms, got 10");
  }

  @Test
  void aMissingRequiredOptionIsOneLineAndExitCodeTwo() {
    CommandRun run = CommandRun.of(new GenesisCommand(), "generate", "--validators", "1");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains("--out");
  }

  @Test
  void aNonNumericValueIsOneLineAndExitCodeTwo() {
    CommandRun run =
        CommandRun.of(new GenesisCommand(), "generate", "--validators", "four", "--out", "x");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains("four");
  }

  @Test
  void aBadAccountsFileNamesTheField() throws Exception {
    Path accounts = dir.resolve("accounts.json");
    Files.writeString(accounts, "[{\"name\": \"x\", \"roles\": [], \"tier\": 1}]");

    CommandRun run =
        CommandRun.of(
            new GenesisCommand(),
            "generate",
            "--validators",
            "1",
            "--out",
            dir.resolve("net").toString(),
            "--accounts",
            accounts.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "genesis generate: accounts.json[0].address: required without a privateKey"
                + System.lineSeparator());
  }

  @Test
  void withoutASubcommandItAsksForOne() {
    CommandRun run = CommandRun.of(new GenesisCommand());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo("genesis: Missing subcommand: generate" + System.lineSeparator());
  }
}
