package io.fiscus.client.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MoneyTest {
  @Test
  void amountsShowGroupedThousandsTwoDecimalsAndTheSymbol() {
    assertThat(Money.format(100_000_000_00L, "DCU")).isEqualTo("100,000,000.00 DCU");
    assertThat(Money.format(1250, "DCU")).isEqualTo("12.50 DCU");
    assertThat(Money.format(5, "DCU")).isEqualTo("0.05 DCU");
    assertThat(Money.format(0, "DCU")).isEqualTo("0.00 DCU");
  }
}
