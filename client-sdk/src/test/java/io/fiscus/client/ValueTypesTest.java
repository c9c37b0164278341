package io.fiscus.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fiscus.client.TransactionRejectedException.Rejection;
import io.fiscus.client.rpc.TaxPeriod;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class ValueTypesTest {
  @Test
  void aTaxIdIsPrintableAsciiWithoutSlashUpTo32Characters() {
    assertThat(TaxId.of("DE123456789").value()).isEqualTo("DE123456789");
    assertThat(TaxId.of("x".repeat(32)).value()).hasSize(32);
    for (String bad : new String[] {"", "x".repeat(33), "A/B", "A B", "ÄB"}) {
      assertThatThrownBy(() -> TaxId.of(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void anInvoiceIdIsTheKeccakOfSellerTaxIdSlashNumber() {
    // keccak256("TIN-MERCHANT-001/INV-1"), as the TaxInvoices contract computes it.
    InvoiceId id = InvoiceId.of(TaxId.of("TIN-MERCHANT-001"), "INV-1");
    assertThat(id.hex())
        .isEqualTo(
            org.web3j.utils.Numeric.toHexString(
                org.web3j.crypto.Hash.sha3(
                    "TIN-MERCHANT-001/INV-1".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    assertThat(InvoiceId.fromBytes(id.toBytes())).isEqualTo(id);
    assertThat(InvoiceId.of(id.hex().toUpperCase(java.util.Locale.ROOT).replace("0X", "0x")))
        .isEqualTo(id);
    assertThatThrownBy(() -> InvoiceId.of("0x1234")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void quartersMonthsAndYearsCoverWholeUtcDays() {
    TaxPeriod q4 = TaxPeriod.quarter(2026, 4);
    assertThat(q4.first()).isEqualTo(LocalDate.of(2026, 10, 1));
    assertThat(q4.last()).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(q4.toEpochSecond() - q4.fromEpochSecond() + 1).isEqualTo(92L * 86_400);
    assertThat(TaxPeriod.month(YearMonth.of(2024, 2)).last()).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(TaxPeriod.year(2025).fromEpochSecond()).isEqualTo(1_735_689_600L);
    assertThatThrownBy(() -> TaxPeriod.quarter(2026, 5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void taxIsTruncatedAsTheContractChecksIt() {
    assertThat(InvoiceDraft.taxAt(Amount.ofMinorUnits(999), 2000))
        .isEqualTo(Amount.ofMinorUnits(199));
    assertThat(InvoiceDraft.taxAt(Amount.ofMinorUnits(Long.MAX_VALUE), 10_000))
        .isEqualTo(Amount.ofMinorUnits(Long.MAX_VALUE));
    assertThatThrownBy(() -> InvoiceDraft.taxAt(Amount.ZERO, 10_001))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusalsAreClassifiedByCodeAndMessage() {
    assertThat(Rejection.of(-32001, "Nonce too low")).isEqualTo(Rejection.NONCE_TOO_LOW);
    assertThat(Rejection.of(-32000, "Known transaction")).isEqualTo(Rejection.KNOWN_TRANSACTION);
    assertThat(Rejection.of(-32000, "Transaction nonce is too distant from current sender nonce"))
        .isEqualTo(Rejection.NONCE_TOO_DISTANT);
    assertThat(Rejection.of(-32000, "Replacement transaction underpriced"))
        .isEqualTo(Rejection.NONCE_ALREADY_POOLED);
    assertThat(Rejection.of(-32000, "Sender account is frozen")).isEqualTo(Rejection.SENDER_FROZEN);
    assertThat(Rejection.of(-32000, "Wrong chainId")).isEqualTo(Rejection.WRONG_CHAIN);
    assertThat(Rejection.of(-32000, "Transaction pool is full")).isEqualTo(Rejection.POOL_FULL);
    assertThat(Rejection.of(-32007, "Sender account not authorized to send transactions"))
        .isEqualTo(Rejection.SENDER_NOT_AUTHORIZED);
    assertThat(Rejection.of(-32602, "Invalid params")).isEqualTo(Rejection.MALFORMED);
    assertThat(Rejection.of(-1, "?")).isEqualTo(Rejection.OTHER);
  }

  @Test
  void revertDataDecodesToTheReason() {
    String data = io.fiscus.abi.RevertData.encode("insufficient balance").toHex();
    assertThat(RevertReasons.decode(data)).contains("insufficient balance");
    assertThat(RevertReasons.decode("0x1234")).isEmpty();
    assertThat(RevertReasons.decode(null)).isEmpty();
    assertThat(RevertReasons.decode("0x08c379a0zz")).isEmpty();
  }
}
