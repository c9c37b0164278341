package io.fiscus.client.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class NodePortsTest {
  @Test
  void generatedPortsAreThoseFiscusGenesisGenerateWritesIntoNodeToml() {
    assertThat(NodePorts.generated(1)).isEqualTo(new NodePorts(8545, 8645, 9545, 30303));
    assertThat(NodePorts.generated(4)).isEqualTo(new NodePorts(8548, 8648, 9548, 30306));
    assertThat(NodePorts.generated(2).rpcUrl()).isEqualTo("http://127.0.0.1:8546");
  }

  @Property
  void portsFromABaseNeverCollideAcrossUpTo32Validators(
      @ForAll @IntRange(min = 1024, max = 60_000) int base,
      @ForAll @IntRange(min = 1, max = 32) int validators) {
    Set<Integer> seen = new HashSet<>();
    for (int k = 1; k <= validators; k++) {
      for (int port : NodePorts.fromBase(base, k).all()) {
        assertThat(seen.add(port)).as("port %d used twice", port).isTrue();
        assertThat(port).isBetween(base, base + 399);
      }
    }
  }
}
