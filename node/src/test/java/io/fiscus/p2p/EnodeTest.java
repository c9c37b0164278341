package io.fiscus.p2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fiscus.p2p.EnodeFormatException.Problem;
import org.junit.jupiter.api.Test;

class EnodeTest {
  private static final String KEY = "a1".repeat(64);

  @Test
  void parsesBesusFormAndPrintsItBack() {
    Enode enode = Enode.parse("enode://" + KEY + "@10.0.0.7:30303");
    assertThat(enode.id().publicKey().toHex()).isEqualTo("0x" + KEY);
    assertThat(enode.host()).isEqualTo("10.0.0.7");
    assertThat(enode.port()).isEqualTo(30303);
    assertThat(enode.url()).isEqualTo("enode://" + KEY + "@10.0.0.7:30303");
  }

  @Test
  void acceptsHostNamesIpv6AndADiscoveryPort() {
    assertThat(Enode.parse("enode://" + KEY + "@validator-1.bank:30303").host())
        .isEqualTo("validator-1.bank");
    Enode ipv6 = Enode.parse("enode://" + KEY + "@[::1]:30303?discport=30301");
    assertThat(ipv6.host()).isEqualTo("::1");
    assertThat(ipv6.url()).isEqualTo("enode://" + KEY + "@[::1]:30303");
  }

  @Test
  void namesWhatIsWrong() {
    assertProblem("http://" + KEY + "@h:1", Problem.NOT_ENODE_SCHEME);
    assertProblem("enode://" + KEY.substring(2) + "@h:1", Problem.BAD_PUBLIC_KEY);
    assertProblem("enode://" + "zz".repeat(64) + "@h:1", Problem.BAD_PUBLIC_KEY);
    assertProblem("enode://" + KEY, Problem.BAD_HOST);
    assertProblem("enode://" + KEY + "@h", Problem.BAD_PORT);
    assertProblem("enode://" + KEY + "@h:0", Problem.BAD_PORT);
    assertProblem("enode://" + KEY + "@h:70000", Problem.BAD_PORT);
    assertProblem("enode://" + KEY + "@h:x", Problem.BAD_PORT);
    assertProblem("enode://" + KEY + "@h/x:1", Problem.BAD_HOST);
    assertProblem("enode://" + KEY + "@h:1?foo=2", Problem.BAD_QUERY);
  }

  @Test
  void theErrorMessageQuotesTheUrl() {
    assertThatThrownBy(() -> Enode.parse("enode://nope@h:1"))
        .hasMessageContaining("enode://nope@h:1")
        .hasMessageContaining("128 hex");
  }

  private static void assertProblem(String url, Problem problem) {
    assertThatThrownBy(() -> Enode.parse(url))
        .isInstanceOfSatisfying(
            EnodeFormatException.class, e -> assertThat(e.problem()).isEqualTo(problem));
  }
}
