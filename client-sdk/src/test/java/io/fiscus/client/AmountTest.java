package io.fiscus.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class AmountTest {
  @Property
  void formattingThenParsingGivesTheSameAmount(@ForAll @LongRange(min = 0) long minorUnits) {
    Amount amount = Amount.ofMinorUnits(minorUnits);
    assertThat(Amount.parse(amount.toString())).isEqualTo(amount);
  }

  @Property
  void theTextAlwaysHasTwoDecimals(@ForAll @LongRange(min = 0) long minorUnits) {
    assertThat(Amount.ofMinorUnits(minorUnits).toString()).matches("\\d+\\.\\d{2}");
  }

  @Test
  void decimalTextIsReadAsPeopleWriteIt() {
    assertThat(Amount.parse("12.50").minorUnits()).isEqualTo(1250);
    assertThat(Amount.parse("12.5").minorUnits()).isEqualTo(1250);
    assertThat(Amount.parse("12").minorUnits()).isEqualTo(1200);
    assertThat(Amount.parse(" 0.07 ").minorUnits()).isEqualTo(7);
    assertThat(Amount.parse("92233720368547758.07").minorUnits()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void textThatIsNotAnAmountIsRefused() {
    for (String bad : new String[] {"", "-1", "1.234", "1e3", "1,5", "12.", ".5", "abc", "+1"}) {
      assertThatThrownBy(() -> Amount.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> Amount.parse("92233720368547758.08"))
        .hasMessageContaining("out of range");
  }

  @Test
  void amountsAreNeverNegative() {
    assertThatThrownBy(() -> Amount.ofMinorUnits(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Amount.parse("1").minus(Amount.parse("2")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Amount.of(BigInteger.ONE.shiftLeft(63)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCurrencyShowsTwoDecimalsAndItsSymbol() {
    assertThat(new Currency("Digital Currency Unit", "DCU").format(Amount.ofMinorUnits(100005)))
        .isEqualTo("1000.05 DCU");
  }
}
