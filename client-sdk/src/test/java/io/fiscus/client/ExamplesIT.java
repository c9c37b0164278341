package io.fiscus.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.client.examples.ConnectExample;
import io.fiscus.client.examples.FinalityExample;
import io.fiscus.client.examples.InvoiceExample;
import io.fiscus.client.examples.PayExample;
import io.fiscus.client.examples.QuarterlyVatExample;
import io.fiscus.client.rpc.InvoiceStatus;
import io.fiscus.client.rpc.TaxSummary;
import io.fiscus.client.tx.TransactionResult;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/** The README's examples, run against a real node, so what the README shows works. */
class ExamplesIT {
  @RegisterExtension static final TestLedger.PerClass NODE = new TestLedger.PerClass();
  private static TestLedger ledger;

  @BeforeAll
  static void useNode() {
    ledger = NODE.get();
  }

  @Test
  void connectReadsTheBalanceWithTheCurrencySymbol() throws Exception {
    Path keyFile = ledger.network.directory.resolve("bank-a.key");
    Files.writeString(
        keyFile,
        Numeric.toHexStringWithPrefixZeroPadded(
                ledger.account("bank-a").getEcKeyPair().getPrivateKey(), 64)
            + "\n");

    assertThat(ConnectExample.balance(ledger.node.rpcUrl(), keyFile)).endsWith(".00 DCU");
  }

  @Test
  void payPaysTheMerchant() {
    String hash = PayExample.pay(ledger.client("customer-2"), ledger.address("merchant"));
    assertThat(hash).startsWith("0x").hasSize(66);
  }

  @Test
  void anInvoiceIsIssuedPaidAndSummarizedForTheQuarter() {
    InvoiceStatus status =
        InvoiceExample.issueAndPay(ledger.client("merchant"), ledger.client("customer-2"), "EX-1");
    assertThat(status).isEqualTo(InvoiceStatus.PAID);

    TaxId merchant =
        ledger
            .client("merchant")
            .registry()
            .account(ledger.address("merchant"))
            .send()
            .taxId()
            .orElseThrow();
    StringWriter csv = new StringWriter();
    TaxSummary vat = QuarterlyVatExample.quarter(ledger.fiscus, merchant, 2026, 4, csv);
    assertThat(vat.invoiceCount()).isEqualTo(1);
    assertThat(vat.taxTotal()).isEqualTo(Amount.parse("20.00"));
    assertThat(vat.paidGrossTotal()).isEqualTo(Amount.parse("120.00"));
    assertThat(csv.toString().lines()).hasSize(2);
  }

  /** The README's verifier checks the seals and proofs of a real payment, trusting the genesis. */
  @Test
  void aPaymentIsFollowedToVerifiedFinality() {
    List<String> checked = new ArrayList<>();
    FinalityCheck verifier =
        FinalityExample.verifier(
            new HttpService(ledger.node.rpcUrl()),
            ledger.network.directory.resolve("genesis.json"));
    FinalityCheck recorded =
        hash -> {
          verifier.check(hash);
          checked.add(hash);
        };

    TransactionResult result =
        FinalityExample.payAndVerify(
            ledger.fiscus, ledger.account("bank-b"), ledger.address("merchant"), recorded);

    assertThat(result.finalityChecked()).isTrue();
    assertThat(checked).containsOnly(result.transactionHash());
  }
}
