package io.fiscus.genesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.crypto.Secp256k1;
import io.fiscus.types.Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The committed example networks stay valid and self-consistent. */
class ExampleNetworksTest {
  private static final Path EXAMPLES = Path.of("examples");

  @ParameterizedTest
  @CsvSource({"devnet-4, 4", "dev-1, 1"})
  void everyValidatorKeyMatchesAValidatorInExtraData(String name, int validatorCount) {
    Path network = EXAMPLES.resolve(name);
    GenesisConfig genesis = GenesisParser.parse(network.resolve("genesis.json"));

    List<Address> fromKeys = new ArrayList<>();
    for (int k = 1; k <= validatorCount; k++) {
      Path validator = network.resolve("validator" + k);
      fromKeys.add(Secp256k1.address(NodeKeyFile.read(validator.resolve("key"))));
      assertThat(validator.resolve("node.toml")).isRegularFile();
    }
    assertThat(genesis.validators()).isEqualTo(fromKeys);
    assertThat(network.resolve("validator" + (validatorCount + 1))).doesNotExist();
    assertThat(GenesisBlock.of(genesis).hash()).isNotNull();
  }

  @ParameterizedTest
  @CsvSource({"devnet-4", "dev-1"})
  void theAccountsFileHoldsTheKeysOfTheGenesisAccountsThenTheValidatorsAreRegistered(String name) {
    Path network = EXAMPLES.resolve(name);
    GenesisConfig genesis = GenesisParser.parse(network.resolve("genesis.json"));
    List<AccountsFileEntry> accounts = AccountsFile.read(network.resolve("accounts.json"));

    List<Address> expected = new ArrayList<>();
    accounts.forEach(account -> expected.add(account.address()));
    expected.addAll(genesis.validators());
    assertThat(genesis.fiscus().accounts())
        .extracting(GenesisAccount::address)
        .containsExactlyElementsOf(expected);
    for (AccountsFileEntry account : accounts) {
      assertThat(account.privateKey().map(Secp256k1::address)).contains(account.address());
    }
  }

  @ParameterizedTest
  @CsvSource({"devnet-4", "dev-1"})
  void theExampleIsMarkedInsecure(String name) throws Exception {
    assertThat(Files.readString(EXAMPLES.resolve("README.md")))
        .contains("INSECURE")
        .contains("`" + name + "/`");
  }
}
