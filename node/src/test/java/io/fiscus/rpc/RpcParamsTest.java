package io.fiscus.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RpcParamsTest {

  @Test
  void aQuantityIsCanonicalHexThatFitsALong() {
    assertThat(RpcParams.parseQuantity("0x0", "q")).isZero();
    assertThat(RpcParams.parseQuantity("0x1a", "q")).isEqualTo(26);
    assertThat(RpcParams.parseQuantity("0x1A", "q")).isEqualTo(26);
    assertThat(RpcParams.parseQuantity("0x7fffffffffffffff", "q")).isEqualTo(Long.MAX_VALUE);
  }

  /** Found by JsonRpcFuzzTest: {@code eth_feeHistory ["0xd","0x-c"]} answered -32603. */
  @Test
  void aQuantityWithASignOrNonAsciiDigitsIsInvalidParams() {
    for (String text : new String[] {"0x-1", "0x-c", "0x+1", "0x-0", "0x１", "0x٣"}) {
      assertThatThrownBy(() -> RpcParams.parseQuantity(text, "q"))
          .as(text)
          .isInstanceOfSatisfying(
              RpcException.class, e -> assertThat(e.code()).isEqualTo(RpcException.INVALID_PARAMS));
    }
  }

  @Test
  void aQuantityWithLeadingZerosOrOutOfRangeIsInvalidParams() {
    for (String text : new String[] {"0x", "0x01", "1a", "0x8000000000000000", "0xg"}) {
      assertThatThrownBy(() -> RpcParams.parseQuantity(text, "q"))
          .as(text)
          .isInstanceOf(RpcException.class);
    }
  }
}
