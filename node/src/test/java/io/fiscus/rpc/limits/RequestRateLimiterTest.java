package io.fiscus.rpc.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.metrics.NodeMetrics;
import io.fiscus.rpc.CallAdmission;
import io.fiscus.rpc.auth.Caller;
import io.fiscus.rpc.auth.RpcAccess;
import io.fiscus.types.Address;
import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestRateLimiterTest {
  private static final InetAddress HOST = InetAddress.getLoopbackAddress();
  private static final RpcAccess ALICE =
      authenticated("0x00000000000000000000000000000000000000a1");
  private static final RpcAccess BOB = authenticated("0x00000000000000000000000000000000000000b0");

  private final NodeMetrics metrics = new NodeMetrics();
  private long nowNanos = 1;

  private static RpcAccess authenticated(String address) {
    return new RpcAccess.Authenticated(
        new Caller(Address.fromHex(address), Long.MAX_VALUE, Optional.empty()));
  }

  private RequestRateLimiter limiter(RateLimit perIp, RateLimit perCaller) {
    return new RequestRateLimiter(
        new ClientLimits(perIp, perCaller, 10, 10, 1_000), metrics, () -> nowNanos);
  }

  private static int admitted(CallAdmission admission, int calls) {
    int admitted = 0;
    for (int i = 0; i < calls; i++) {
      if (admission.refusal().isEmpty()) {
        admitted++;
      }
    }
    return admitted;
  }

  private double limited(String scope) {
    return metrics.rpcLimited.labelValues(scope).get();
  }

  @Test
  void twoCallersFromOneHostHaveSeparateBuckets() {
    RequestRateLimiter limiter = limiter(RateLimit.off(), new RateLimit(1, 3));
    assertThat(admitted(limiter.admission(HOST, ALICE), 10)).isEqualTo(3);
    assertThat(admitted(limiter.admission(HOST, BOB), 10)).isEqualTo(3);
    assertThat(limited("caller")).isEqualTo(14);
    assertThat(limited("ip")).isZero();
  }

  @Test
  void anAuthenticatedCallAlsoCountsAgainstItsIpAddress() {
    RequestRateLimiter limiter = limiter(new RateLimit(1, 4), new RateLimit(1, 3));
    assertThat(admitted(limiter.admission(HOST, ALICE), 3)).isEqualTo(3);
    // The IP address has one call left, whoever sends it.
    assertThat(admitted(limiter.admission(HOST, BOB), 3)).isEqualTo(1);
    assertThat(admitted(limiter.admission(HOST, RpcAccess.ANONYMOUS), 3)).isZero();
    assertThat(limited("ip")).isEqualTo(5);
  }

  @Test
  void anonymousAndRefusedRequestsAreLimitedByIpOnly() {
    RequestRateLimiter limiter = limiter(new RateLimit(1, 2), new RateLimit(1, 100));
    CallAdmission anonymous = limiter.admission(HOST, RpcAccess.ANONYMOUS);
    assertThat(anonymous.refusal()).isEmpty();
    assertThat(limiter.admission(HOST, new RpcAccess.Refused("expired")).refusal()).isEmpty();
    Optional<String> refusal = anonymous.refusal();
    assertThat(refusal).isPresent();
    assertThat(refusal.get())
        .contains("rate limit of 1 requests/s (burst 2)")
        .contains(HOST.getHostAddress());
    nowNanos += 1_000_000_000L;
    assertThat(anonymous.refusal()).isEmpty();
  }

  @Test
  void theRefusalNamesTheCaller() {
    RequestRateLimiter limiter = limiter(RateLimit.off(), new RateLimit(5, 1));
    CallAdmission alice = limiter.admission(HOST, ALICE);
    assertThat(alice.refusal()).isEmpty();
    assertThat(alice.refusal().orElseThrow())
        .contains("caller 0x00000000000000000000000000000000000000a1");
  }
}
