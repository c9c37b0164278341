package io.fiscus.client.finality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fiscus.block.QbftExtraData;
import io.fiscus.block.QbftExtraDataCodec;
import io.fiscus.types.Address;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trust seeded from a genesis file: its extraData validators and its epoch length. */
class GenesisTrustTest {
  private static final Address A = Address.fromHex("0x" + "0a".repeat(20));
  private static final Address B = Address.fromHex("0x" + "0b".repeat(20));

  @TempDir Path dir;

  private Path genesis(String json) throws IOException {
    Path file = dir.resolve("genesis.json");
    Files.writeString(file, json);
    return file;
  }

  private static String extraData(List<Address> validators) {
    return QbftExtraDataCodec.encode(QbftExtraData.genesis(validators)).toHex();
  }

  @Test
  void theValidatorsAndTheEpochLengthComeFromTheFile() throws IOException {
    Path file =
        genesis(
            "{\"config\":{\"chainId\":1337,\"QBFT\":{\"EpochLength\":\"0x64\"}},"
                + "\"ExtraData\":\""
                + extraData(List.of(B, A))
                + "\"}");
    TrustedValidators trusted = TrustedValidators.fromGenesis(file);
    assertThat(trusted.trustedHeight()).isZero();
    assertThat(trusted.trustedValidators()).containsExactly(A.toHex(), B.toHex());
    assertThat(trusted.epochLength()).isEqualTo(100);
  }

  @Test
  void epochLengthsMayBeIntegersOrDecimalStringsAndDefaultAsTheNodes() throws IOException {
    String extraData = "\"extraData\":\"" + extraData(List.of(A)) + "\"";
    assertThat(
            GenesisTrust.read(
                    genesis("{\"config\":{\"qbft\":{\"epochlength\":7}}," + extraData + "}"))
                .epochLength())
        .isEqualTo(7);
    assertThat(
            GenesisTrust.read(
                    genesis("{\"config\":{\"qbft\":{\"epochlength\":\"12\"}}," + extraData + "}"))
                .epochLength())
        .isEqualTo(12);
    assertThat(
            GenesisTrust.read(genesis("{\"config\":{\"qbft\":{}}," + extraData + "}"))
                .epochLength())
        .isEqualTo(TrustedValidators.DEFAULT_EPOCH_LENGTH);
  }

  @Test
  void aFileWithoutAValidatorSetIsRefusedWithWhatIsWrong() throws IOException {
    assertInvalid("{\"config\":{}}", "extraData is missing");
    assertInvalid("{\"extraData\":\"0x1234\"}", "not QBFT extraData");
    assertInvalid("{\"extraData\":\"" + extraData(List.of()) + "\"}", "lists no validators");
    assertInvalid("{\"extraData\":\"" + extraData(List.of(A, A)) + "\"}", "twice");
    assertInvalid("{\"extraData\":5}", "hex string");
    assertInvalid(
        "{\"config\":{\"qbft\":{\"epochlength\":0}},\"extraData\":\""
            + extraData(List.of(A))
            + "\"}",
        "epochlength");
    assertInvalid(
        "{\"config\":{\"qbft\":{\"epochlength\":\"soon\"}},\"extraData\":\""
            + extraData(List.of(A))
            + "\"}",
        "epochlength");
    assertInvalid("not json", "not JSON");
    assertInvalid("[]", "not a JSON object");
    assertInvalid("{\"extraData\":\"0x00\",\"extraData\":\"0x00\"}", "not JSON");
    assertInvalid("{\"extraData\":\"0x00\",\"EXTRADATA\":\"0x00\"}", "given twice");
  }

  @Test
  void aFileThatCannotBeReadIsRefused() {
    assertThatThrownBy(() -> TrustedValidators.fromGenesis(dir.resolve("missing.json")))
        .isInstanceOf(InvalidGenesisException.class)
        .hasMessageContaining("cannot read");
  }

  private void assertInvalid(String json, String message) throws IOException {
    Path file = genesis(json);
    assertThatThrownBy(() -> TrustedValidators.fromGenesis(file))
        .isInstanceOf(InvalidGenesisException.class)
        .hasMessageContaining(message);
  }
}
