package io.fiscus.genesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.genesis.GenesisException.Reason;
import io.fiscus.types.Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenesisGeneratorTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.ofEpochSecond(1_750_000_000), ZoneOffset.UTC);

  @TempDir Path dir;

  private final GenesisGenerator generator = new GenesisGenerator(new SecureRandom(), CLOCK);

  @Test
  void writesAGenesisThatParsesBackWithOneValidatorPerKeyFile() {
    Path out = dir.resolve("net");
    GeneratedNetwork network = generator.generate(GeneratorOptions.of(4, out));

    GenesisConfig genesis = GenesisParser.parse(out.resolve("genesis.json"));
    assertThat(genesis).isEqualTo(network.genesis());
    assertThat(genesis.chainId()).isEqualTo(1337);
    assertThat(genesis.timestamp()).isEqualTo(1_750_000_000);
    assertThat(genesis.qbft().blockPeriodMillis()).isEqualTo(1_000);
    assertThat(genesis.qbft().emptyBlockPeriodMillis()).isEmpty();
    List<Address> fromKeys = new ArrayList<>();
    for (int k = 1; k <= 4; k++) {
      fromKeys.add(Secp256k1.address(NodeKeyFile.read(out.resolve("validator" + k + "/key"))));
    }
    assertThat(genesis.validators()).isEqualTo(fromKeys).isSorted();
    assertThat(GenesisBlock.of(genesis).hash()).isEqualTo(network.genesisHash());
  }

  @Test
  void aBlockHoldsAtLeastTwentyThousandTransfers() {
    GeneratedNetwork network = generator.generate(GeneratorOptions.of(1, dir.resolve("net")));

    long transferGas = 36_000;
    assertThat(network.genesis().gasLimit() / transferGas).isGreaterThanOrEqualTo(20_000);
  }

  @Test
  void keysAndAccountsAreReadableByTheOwnerOnly() throws Exception {
    Path out = dir.resolve("net");
    generator.generate(GeneratorOptions.of(2, out));

    assertThat(Files.getPosixFilePermissions(out.resolve("validator1/key")))
        .isEqualTo(NodeKeyFile.OWNER_ONLY);
    assertThat(Files.getPosixFilePermissions(out.resolve("validator2/key")))
        .isEqualTo(NodeKeyFile.OWNER_ONLY);
    assertThat(Files.getPosixFilePermissions(out.resolve("accounts.json")))
        .isEqualTo(NodeKeyFile.OWNER_ONLY);
  }

  @Test
  void everyPortOfEveryValidatorIsDistinct() {
    GeneratedNetwork network = generator.generate(GeneratorOptions.of(32, dir.resolve("net")));

    Set<Integer> ports = new HashSet<>();
    for (GeneratedNetwork.Validator v : network.validators()) {
      ports.addAll(List.of(v.p2pPort(), v.rpcHttpPort(), v.rpcWsPort(), v.metricsPort()));
    }
    assertThat(ports).hasSize(4 * 32);
    assertThat(network.validators().get(2).p2pPort()).isEqualTo(30305);
    assertThat(network.validators().get(2).rpcHttpPort()).isEqualTo(8547);
    assertThat(network.validators().get(2).metricsPort()).isEqualTo(9547);
  }

  @Test
  void nodeTomlNamesTheFilesThePortsAndTheOtherValidatorsAsBootnodes() throws Exception {
    Path out = dir.resolve("net");
    GeneratedNetwork network = generator.generate(GeneratorOptions.of(3, out));

    GeneratedNetwork.Validator second = network.validators().get(1);
    Map<String, String> toml = tomlLines(out.resolve("validator2/node.toml"));
    assertThat(toml)
        .containsEntry("data-path", "\"data\"")
        .containsEntry("genesis-file", "\"../genesis.json\"")
        .containsEntry("node-private-key-file", "\"key\"")
        .containsEntry("p2p-host", "\"127.0.0.1\"")
        .containsEntry("p2p-port", "30304")
        .containsEntry("rpc-http-host", "\"127.0.0.1\"")
        .containsEntry("rpc-http-port", "8546")
        .containsEntry("rpc-ws-port", "8646")
        .containsEntry("metrics-port", "9546")
        .containsEntry(
            "bootnodes",
            "[\""
                + network.validators().get(0).enode()
                + "\", \""
                + network.validators().get(2).enode()
                + "\"]");
    assertThat(second.enode())
        .matches("enode://[0-9a-f]{128}@127\\.0\\.0\\.1:30304")
        .contains(second.publicKey().toHex().substring(2));
    PrivateKey key = NodeKeyFile.read(out.resolve("validator2/key"));
    assertThat(Secp256k1.signer().publicKey(key)).isEqualTo(second.publicKey());
  }

  @Test
  void aSingleValidatorHasNoBootnodes() throws Exception {
    Path out = dir.resolve("net");
    generator.generate(GeneratorOptions.of(1, out));

    assertThat(tomlLines(out.resolve("validator1/node.toml"))).containsEntry("bootnodes", "[]");
  }

  @Test
  void demoAccountsAreWrittenWithKeysAndRegisteredInTheGenesis() {
    Path out = dir.resolve("net");
    GeneratedNetwork network = generator.generate(GeneratorOptions.of(1, out));

    List<AccountsFileEntry> accounts = AccountsFile.read(out.resolve("accounts.json"));
    assertThat(accounts).isEqualTo(network.accounts());
    assertThat(accounts)
        .extracting(AccountsFileEntry::name)
        .containsExactly(
            "central-bank",
            "bank-a",
            "bank-b",
            "merchant",
            "customer-1",
            "customer-2",
            "tax-authority",
            "auditor");
    Map<String, AccountsFileEntry> byName =
        accounts.stream().collect(Collectors.toMap(AccountsFileEntry::name, a -> a));
    for (AccountsFileEntry account : accounts) {
      assertThat(account.privateKey().map(Secp256k1::address)).contains(account.address());
    }
    Map<Address, GenesisAccount> registered =
        network.genesis().fiscus().accounts().stream()
            .collect(Collectors.toMap(GenesisAccount::address, a -> a));
    assertThat(registered.get(byName.get("central-bank").address()).roles())
        .containsExactly(Role.CENTRAL_BANK);
    assertThat(registered.get(byName.get("bank-b").address()).roles()).containsExactly(Role.BANK);
    assertThat(registered.get(byName.get("tax-authority").address()).roles())
        .containsExactly(Role.TAX_AUTHORITY);
    assertThat(registered.get(byName.get("auditor").address()).roles())
        .containsExactly(Role.AUDITOR);
    GenesisAccount merchant = registered.get(byName.get("merchant").address());
    assertThat(merchant.tier()).isEqualTo(2);
    assertThat(merchant.taxId()).contains(DemoAccounts.MERCHANT_TAX_ID);
    assertThat(merchant.bank()).contains(byName.get("bank-a").address());
    GenesisAccount customer1 = registered.get(byName.get("customer-1").address());
    assertThat(customer1.tier()).isEqualTo(1);
    assertThat(customer1.bank()).contains(byName.get("bank-a").address());
    GenesisAccount customer2 = registered.get(byName.get("customer-2").address());
    assertThat(customer2.tier()).isEqualTo(2);
    assertThat(customer2.bank()).contains(byName.get("bank-b").address());
  }

  @Test
  void everyValidatorIsRegisteredAfterTheAccountsWithoutRoleByTheCentralBank() {
    GeneratedNetwork network = generator.generate(GeneratorOptions.of(4, dir.resolve("net")));

    List<GenesisAccount> registered = network.genesis().fiscus().accounts();
    Address centralBank = network.accounts().get(0).address();
    List<GenesisAccount> nodes = registered.subList(network.accounts().size(), registered.size());
    assertThat(nodes)
        .extracting(GenesisAccount::address)
        .containsExactlyElementsOf(
            network.validators().stream().map(GeneratedNetwork.Validator::address).toList());
    for (GenesisAccount node : nodes) {
      assertThat(node.roles()).isEmpty();
      assertThat(node.tier()).isEqualTo(3);
      assertThat(node.bank()).contains(centralBank);
      assertThat(node.balance()).isZero();
      assertThat(node.name()).contains("validator" + (nodes.indexOf(node) + 1));
    }
  }

  @Test
  void optionsSetTheChainIdAndBlockPeriod() {
    GeneratedNetwork network =
        generator.generate(
            GeneratorOptions.of(1, dir.resolve("net")).withChainId(99).withBlockPeriodMillis(250));

    assertThat(network.genesis().chainId()).isEqualTo(99);
    assertThat(network.genesis().qbft().blockPeriodMillis()).isEqualTo(250);
  }

  @Test
  void anAccountsFileReplacesTheDemoAccounts() throws Exception {
    PrivateKey centralBankKey = PrivateKey.random(new SecureRandom());
    Address customer = TestGenesis.address(4242);
    Path accountsFile = dir.resolve("mine.json");
    Files.writeString(
        accountsFile,
        """
        [
          {"name": "cb", "privateKey": "%s", "roles": ["CENTRAL_BANK", "BANK"], "tier": 3},
          {"name": "shop", "address": "%s", "roles": [], "tier": 2, "bank": "cb",
           "taxId": "T-1", "balance": "1000"}
        ]
        """
            .formatted(NodeKeyFile.format(centralBankKey), customer.toHex()));
    Path out = dir.resolve("net");

    GeneratedNetwork network =
        generator.generate(GeneratorOptions.of(1, out).withAccountsFile(accountsFile));

    List<GenesisAccount> registered = network.genesis().fiscus().accounts();
    assertThat(registered)
        .extracting(GenesisAccount::address)
        .containsExactly(
            Secp256k1.address(centralBankKey), customer, network.validators().get(0).address());
    assertThat(registered.get(1).bank()).contains(Secp256k1.address(centralBankKey));
    assertThat(registered.get(1).balance()).isEqualTo(1000);
    List<AccountsFileEntry> written = AccountsFile.read(out.resolve("accounts.json"));
    assertThat(written.get(0).privateKey()).contains(centralBankKey);
    assertThat(written.get(1).privateKey()).isEmpty();
  }

  @Test
  void anAccountsFileWithAnUnknownBankIsRejectedByPath() throws Exception {
    Path accountsFile = dir.resolve("mine.json");
    Files.writeString(
        accountsFile,
        """
        [{"name": "cb", "address": "%s", "roles": ["CENTRAL_BANK"], "tier": 3, "bank": "nobody"}]
        """
            .formatted(TestGenesis.CENTRAL_BANK.toHex()));

    assertThatThrownBy(
            () ->
                generator.generate(
                    GeneratorOptions.of(1, dir.resolve("net")).withAccountsFile(accountsFile)))
        .isInstanceOf(GenesisException.class)
        .hasMessage("mine.json[0].bank: no account named \"nobody\"");
    assertThat(dir.resolve("net")).doesNotExist();
  }

  @Test
  void anAccountsFileWithAnUnknownRoleIsRejectedByPath() throws Exception {
    Path accountsFile = dir.resolve("mine.json");
    Files.writeString(
        accountsFile,
        """
        [{"name": "cb", "address": "%s", "roles": ["KING"], "tier": 3}]
        """
            .formatted(TestGenesis.CENTRAL_BANK.toHex()));

    assertThatThrownBy(
            () ->
                generator.generate(
                    GeneratorOptions.of(1, dir.resolve("net")).withAccountsFile(accountsFile)))
        .isInstanceOf(GenesisException.class)
        .hasMessage("mine.json[0].roles[0]: unknown role \"KING\"");
  }

  @Test
  void refusesANonEmptyDirectory() throws Exception {
    Path out = dir.resolve("net");
    Files.createDirectories(out);
    Files.writeString(out.resolve("something"), "precious");

    assertThatThrownBy(() -> generator.generate(GeneratorOptions.of(1, out)))
        .isInstanceOfSatisfying(
            GenesisException.class, e -> assertThat(e.reason()).isEqualTo(Reason.OUTPUT_NOT_EMPTY))
        .hasMessage(
            out + ": directory is not empty; refusing to overwrite a network (choose a new --out)");
    assertThat(Files.readString(out.resolve("something"))).isEqualTo("precious");
  }

  @Test
  void writesIntoAnExistingEmptyDirectory() throws Exception {
    Path out = dir.resolve("net");
    Files.createDirectories(out);

    generator.generate(GeneratorOptions.of(1, out));

    assertThat(out.resolve("genesis.json")).exists();
  }

  @Test
  void optionsRejectOverlappingPortRanges() {
    assertThatThrownBy(() -> GeneratorOptions.of(4, dir).withBasePorts(30303, 8545, 8547, 9545))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("port 8547 would be used twice; choose base ports further apart");
  }

  @Test
  void optionsRejectTooManyValidators() {
    assertThatThrownBy(() -> GeneratorOptions.of(33, dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("validators must be 1..32, got 33");
  }

  private static Map<String, String> tomlLines(Path file) throws Exception {
    return Files.readAllLines(file).stream()
        .filter(line -> !line.startsWith("#") && line.contains(" = "))
        .collect(
            Collectors.toMap(
                line -> line.substring(0, line.indexOf(" = ")),
                line -> line.substring(line.indexOf(" = ") + 3)));
  }
}
