package io.fiscus.rpc.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.metrics.NodeMetrics;
import io.fiscus.types.Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class OwnerQuotaTest {
  private static final LimitKey HOST = new LimitKey.Ip(InetAddress.getLoopbackAddress());
  private static final LimitKey ALICE =
      new LimitKey.Caller(Address.fromHex("0x00000000000000000000000000000000000000a1"));

  private final NodeMetrics metrics = new NodeMetrics();
  private final OwnerQuota quota =
      OwnerQuota.filters(new ClientLimits(RateLimit.off(), RateLimit.off(), 2, 5, 100), metrics);

  @Test
  void eachOwnerMayHoldUpToItsCap() {
    assertThat(quota.tryAcquire(ALICE)).isTrue();
    assertThat(quota.tryAcquire(ALICE)).isTrue();
    assertThat(quota.tryAcquire(ALICE)).isFalse();
    assertThat(quota.tryAcquire(HOST)).isTrue();
    assertThat(quota.held(ALICE)).isEqualTo(2);
    assertThat(metrics.rpcFilters.get()).isEqualTo(3);
    assertThat(metrics.rpcLimited.labelValues("filters").get()).isEqualTo(1);
    assertThat(quota.refusal(ALICE)).contains("at most 2 filters").contains("caller 0x");
  }

  @Test
  void releasingMakesRoomAndAnUnknownReleaseChangesNothing() {
    quota.tryAcquire(ALICE);
    quota.tryAcquire(ALICE);
    quota.release(ALICE);
    assertThat(quota.tryAcquire(ALICE)).isTrue();
    quota.release(HOST);
    quota.release(ALICE);
    quota.release(ALICE);
    quota.release(ALICE);
    assertThat(quota.held(ALICE)).isZero();
    assertThat(metrics.rpcFilters.get()).isZero();
  }
}
