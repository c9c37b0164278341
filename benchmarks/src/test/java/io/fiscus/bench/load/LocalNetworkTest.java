package io.fiscus.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.p2p.Enode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real {@code fiscus genesis generate} in a child JVM; starts no node. */
class LocalNetworkTest {

  private static NodeProcess.Launcher thisClasspath() {
    return new NodeProcess.Launcher(
        Path.of(System.getProperty("java.home"), "bin", "java"),
        System.getProperty("java.class.path"),
        List.of("--enable-native-access=ALL-UNNAMED"));
  }

  @Test
  void eachValidatorIsToldOfEveryOtherAtItsOwnKeyAndTheFullNodeIsPermitted(@TempDir Path dir)
      throws Exception {
    LocalNetwork network = LocalNetwork.generate(thisClasspath(), dir, 3, 1337, 500);

    List<LocalNetwork.Member> validators = network.validatorMembers();
    assertThat(network.validatorNames()).containsExactly("validator1", "validator2", "validator3");
    Set<Integer> ports = new HashSet<>();
    for (int v = 0; v < 3; v++) {
      LocalNetwork.Member member = validators.get(v);
      PrivateKey key =
          PrivateKey.fromHex(
              Files.readString(network.networkDirectory().resolve("validator" + (v + 1) + "/key")));
      assertThat(member.enode().id().address()).isEqualTo(Secp256k1.address(key));
      assertThat(member.enode().host()).isEqualTo("127.0.0.1");
      ports.add(member.enode().port());

      List<String> named = new ArrayList<>();
      for (String bootnode : network.bootnodes(member).split(",", -1)) {
        named.add(Enode.parse(bootnode).url());
      }
      List<String> others = new ArrayList<>();
      for (LocalNetwork.Member other : validators) {
        if (!other.name().equals(member.name())) {
          others.add(other.enode().url());
        }
      }
      assertThat(named).containsExactlyElementsOf(others);
    }
    ports.add(network.fullNodeMember().enode().port());
    assertThat(ports).as("distinct p2p ports").hasSize(4);
    assertThat(Files.readString(network.permissionsFile()))
        .contains(network.fullNodeMember().enode().url());
    assertThat(network.bootnodes(network.fullNodeMember()).split(",", -1)).hasSize(3);
  }

  @Test
  void aSingleValidatorHasNoBootnodes(@TempDir Path dir) {
    LocalNetwork network = LocalNetwork.generate(thisClasspath(), dir, 1, 1337, 500);

    assertThat(network.bootnodes(network.validatorMembers().get(0))).isEmpty();
    assertThat(Files.exists(network.networkDirectory().resolve("genesis.json"))).isTrue();
  }
}
