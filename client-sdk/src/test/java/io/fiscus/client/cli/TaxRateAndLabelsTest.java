package io.fiscus.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fiscus.client.LedgerClient;
import io.fiscus.client.TokenClient;
import org.junit.jupiter.api.Test;
import org.web3j.utils.Numeric;
import picocli.CommandLine.TypeConversionException;

class TaxRateAndLabelsTest {
  private final Arguments.TaxRateConverter taxRate = new Arguments.TaxRateConverter();

  @Test
  void aTaxRateInPercentBecomesBasisPoints() {
    assertThat(taxRate.convert("20")).isEqualTo(2000);
    assertThat(taxRate.convert("5.5")).isEqualTo(550);
    assertThat(taxRate.convert("7.25%")).isEqualTo(725);
    assertThat(taxRate.convert("0")).isZero();
    assertThat(taxRate.convert("100")).isEqualTo(10_000);
  }

  @Test
  void aTaxRateWithThreeDecimalsOrASignIsRefused() {
    assertThatThrownBy(() -> taxRate.convert("7.125")).isInstanceOf(TypeConversionException.class);
    assertThatThrownBy(() -> taxRate.convert("-5")).isInstanceOf(TypeConversionException.class);
    assertThatThrownBy(() -> taxRate.convert("100.01")).isInstanceOf(TypeConversionException.class);
  }

  @Test
  void aRecordNameIsHashedAsTheSdkHashesItSoBothFindTheSameRecord() {
    assertThat(Labels.recordName("settlement")).isEqualTo(LedgerClient.name("settlement"));
  }

  @Test
  void aPaymentReferenceIsHashedAsTheSdkHashesIt() {
    assertThat(Labels.paymentReference("ORDER-42")).isEqualTo(TokenClient.reference("ORDER-42"));
  }

  @Test
  void thirtyTwoBytesOfHexAreTakenAsTheyAre() {
    String hex = "0x" + "AB".repeat(32);

    assertThat(Labels.recordName(hex)).isEqualTo(hex.toLowerCase(java.util.Locale.ROOT));
    assertThat(Labels.paymentReference(hex)).isEqualTo(Numeric.hexStringToByteArray(hex));
  }
}
