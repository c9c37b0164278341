package io.fiscus.p2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fiscus.types.Bytes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodesPermissionsFileTest {
  private static final String KEY_1 = "11".repeat(64);
  private static final String KEY_2 = "22".repeat(64);

  @TempDir Path temp;

  @Test
  void readsBesusNodesAllowlistAndIgnoresAccounts() {
    String toml =
        """
        accounts-allowlist=["0x0000000000000000000000000000000000000001"]
        nodes-allowlist=["enode://%s@10.0.0.1:30303","enode://%s@bank.example:30304"]
        """
            .formatted(KEY_1, KEY_2);
    assertThat(NodesPermissionsFile.parse(toml)).containsExactlyInAnyOrder(id(KEY_1), id(KEY_2));
  }

  @Test
  void aFileWithoutTheKeyListsNoNodes() {
    assertThat(NodesPermissionsFile.parse("accounts-allowlist=[]\n")).isEmpty();
  }

  @Test
  void malformedContentIsATypedError() {
    assertThatThrownBy(() -> NodesPermissionsFile.parse("nodes-allowlist=[\n"))
        .isInstanceOf(PermissionsFileException.class);
    assertThatThrownBy(() -> NodesPermissionsFile.parse("nodes-allowlist=\"enode://x\"\n"))
        .isInstanceOf(PermissionsFileException.class)
        .hasMessageContaining("array");
    assertThatThrownBy(() -> NodesPermissionsFile.parse("nodes-allowlist=[\"enode://x@h:1\"]"))
        .isInstanceOf(PermissionsFileException.class)
        .hasMessageContaining("128 hex");
    assertThatThrownBy(() -> NodesPermissionsFile.parse("nodes-allowlist=[1]"))
        .isInstanceOf(PermissionsFileException.class);
  }

  @Test
  void reloadsOnChangeKeepsTheListWhenMalformedAndEmptiesItWhenMissing() throws Exception {
    Path path = temp.resolve("permissions_config.toml");
    NodesPermissionsFile file = new NodesPermissionsFile(path);
    assertThat(file.reloadIfChanged()).isTrue();
    assertThat(file.nodes()).isEmpty();

    write(path, "nodes-allowlist=[\"enode://" + KEY_1 + "@h:1\"]", 1);
    assertThat(file.reloadIfChanged()).isTrue();
    assertThat(file.nodes()).containsExactly(id(KEY_1));
    assertThat(file.reloadIfChanged()).isFalse();

    write(path, "nodes-allowlist=[\"enode://broken", 2);
    assertThat(file.reloadIfChanged()).isFalse();
    assertThat(file.nodes()).containsExactly(id(KEY_1));

    write(path, "nodes-allowlist=[\"enode://" + KEY_2 + "@h:1\"]", 3);
    assertThat(file.reloadIfChanged()).isTrue();
    assertThat(file.nodes()).containsExactly(id(KEY_2));

    Files.delete(path);
    assertThat(file.reloadIfChanged()).isTrue();
    assertThat(file.nodes()).isEmpty();
  }

  private static void write(Path path, String content, int second) throws Exception {
    Files.writeString(path, content);
    Files.setLastModifiedTime(path, FileTime.fromMillis(1_700_000_000_000L + second * 1_000L));
  }

  private static PeerId id(String hex) {
    return new PeerId(Bytes.fromHex(hex));
  }
}
