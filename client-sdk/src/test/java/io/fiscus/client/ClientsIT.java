package io.fiscus.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.client.events.LedgerEvent;
import io.fiscus.client.finality.FinalityProof;
import io.fiscus.client.rpc.CbdcAccount;
import io.fiscus.client.rpc.HistoryItem;
import io.fiscus.client.rpc.HistoryKind;
import io.fiscus.client.rpc.HistoryQuery;
import io.fiscus.client.rpc.Invoice;
import io.fiscus.client.rpc.InvoiceKind;
import io.fiscus.client.rpc.InvoiceStatus;
import io.fiscus.client.rpc.NodeStatus;
import io.fiscus.client.rpc.Page;
import io.fiscus.client.rpc.RecordQuery;
import io.fiscus.client.rpc.Supply;
import io.fiscus.client.tx.TransactionResult;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.utils.Numeric;

/**
 * Every domain client method against a real one-validator node: payments, issuance, the registry,
 * invoices, ledger records, history, and the {@code cbdc_} queries behind them. Each test makes its
 * own accounts, so the tests share the node but not their state.
 */
class ClientsIT {
  @RegisterExtension static final TestLedger.PerClass NODE = new TestLedger.PerClass();
  private static TestLedger ledger;

  @BeforeAll
  static void useNode() {
    ledger = NODE.get();
  }

  @Test
  void paymentsMoveMoneyAndReportTypedEvents() {
    Credentials payer = ledger.newAccount(3, Amount.parse("100.00"));
    Credentials spender = ledger.newAccount(3, Amount.ZERO);
    String merchant = ledger.address("merchant");
    TokenClient token = ledger.client(payer).token();
    Amount merchantBefore = token.balance(merchant).send();

    TransactionResult paid = token.transfer(merchant, Amount.parse("12.50")).send();
    assertThat(paid.events())
        .containsExactly(
            new LedgerEvent.Transfer(payer.getAddress(), merchant, Amount.ofMinorUnits(1250)));
    TransactionResult referenced =
        token
            .transferWithReference(merchant, Amount.parse("2"), TokenClient.reference("order-77"))
            .send();
    assertThat(referenced.event(LedgerEvent.PaymentReference.class).orElseThrow().reference())
        .isEqualTo(org.web3j.utils.Numeric.toHexString(TokenClient.reference("order-77")));
    token.approve(spender.getAddress(), Amount.parse("5.00")).send();
    assertThat(token.allowance(payer.getAddress(), spender.getAddress()).send())
        .isEqualTo(Amount.parse("5"));
    ledger
        .client(spender)
        .token()
        .transferFrom(payer.getAddress(), merchant, Amount.parse("3.00"))
        .send();

    assertThat(token.balance(payer.getAddress()).send()).isEqualTo(Amount.parse("82.50"));
    assertThat(token.balance(merchant).sendAsync().join())
        .isEqualTo(merchantBefore.plus(Amount.parse("17.50")));
    assertThat(token.allowance(payer.getAddress(), spender.getAddress()).send())
        .isEqualTo(Amount.parse("2.00"));
    Currency currency = token.currency().send();
    assertThat(currency.symbol()).isEqualTo("DCU");
    assertThat(currency.format(Amount.parse("82.5"))).isEqualTo("82.50 DCU");
  }

  @Test
  void theCentralBankIssuesAndBanksRedeem() {
    TokenClient centralBank = ledger.client("central-bank").token();
    TokenClient bankB = ledger.client("bank-b").token();
    Supply before = centralBank.supply().send();

    TransactionResult minted =
        centralBank.mint(ledger.address("bank-b"), Amount.parse("1000")).send();
    assertThat(minted.events(LedgerEvent.Issued.class))
        .containsExactly(new LedgerEvent.Issued(ledger.address("bank-b"), Amount.parse("1000")));
    TransactionResult redeemed = bankB.redeem(Amount.parse("400")).send();
    assertThat(redeemed.event(LedgerEvent.Redeemed.class)).isPresent();

    Supply after = centralBank.supply().send();
    assertThat(after.issued()).isEqualTo(before.issued().plus(Amount.parse("1000")));
    assertThat(after.redeemed()).isEqualTo(before.redeemed().plus(Amount.parse("400")));
    assertThat(after.totalSupply()).isEqualTo(before.totalSupply().plus(Amount.parse("600")));
  }

  @Test
  void theRegistryAdministersAccountsRolesTiersAndTaxpayers() {
    RegistryClient bank = ledger.client("bank-a").registry();
    RegistryClient centralBank = ledger.client("central-bank").registry();
    String customer = ledger.newAccount(1, Amount.ZERO).getAddress();

    CbdcAccount registered = bank.account(customer).send();
    assertThat(registered.registered()).isTrue();
    assertThat(registered.bank()).contains(ledger.address("bank-a"));
    assertThat(registered.tier()).hasValue(1);
    bank.setTier(customer, 2).send();
    assertThat(bank.account(customer).send().tier()).hasValue(2);

    centralBank.freeze(customer, "court order 42").send();
    assertThat(bank.account(customer).send().frozen()).isTrue();
    centralBank.unfreeze(customer).send();
    assertThat(bank.account(customer).send().frozen()).isFalse();

    TransactionResult granted = centralBank.grantRole(customer, Role.AUDITOR).send();
    assertThat(granted.events())
        .containsExactly(
            new LedgerEvent.RoleGranted(customer, Role.AUDITOR, ledger.address("central-bank")));
    assertThat(bank.account(customer).send().roles()).containsExactly(Role.AUDITOR);
    centralBank.revokeRole(customer, Role.AUDITOR).send();
    assertThat(bank.account(customer).send().roles()).isEmpty();

    TierLimits defaults = centralBank.tierLimits(1).send();
    TierLimits tighter =
        new TierLimits(Amount.parse("900"), Amount.parse("150"), Amount.parse("400"));
    centralBank.setTierLimits(1, tighter).send();
    assertThat(centralBank.tierLimits(1).send()).isEqualTo(tighter);
    centralBank.setTierLimits(1, defaults).send();

    TaxId taxId = TaxId.of("REG-" + customer.substring(2, 12));
    ledger.client("tax-authority").registry().registerTaxpayer(customer, taxId).send();
    assertThat(bank.account(customer).send().taxId()).contains(taxId);
    assertThat(bank.accountByTaxId(taxId).send()).contains(customer);
    assertThat(bank.accountByTaxId(TaxId.of("NOBODY")).send()).isEmpty();
    assertThat(
            bank.account(Credentials.create("0x" + "11".repeat(32)).getAddress())
                .send()
                .registered())
        .isFalse();
  }

  @Test
  void invoicesAreIssuedPaidCancelledAndCredited() {
    TestLedger.Taxpayer seller = ledger.newTaxpayer(Amount.ZERO);
    Credentials buyer = ledger.newAccount(3, Amount.parse("500"));
    InvoiceClient sellerInvoices = ledger.client(seller.credentials()).invoices();
    byte[] document = "<Invoice><ID>A-1</ID></Invoice>".getBytes(StandardCharsets.UTF_8);

    IssuedInvoice issued =
        sellerInvoices
            .issue(
                InvoiceDraft.of(
                    "A-1",
                    Optional.of(buyer.getAddress()),
                    LocalDate.of(2026, 11, 2),
                    Amount.parse("100.00"),
                    2000,
                    document))
            .send();
    assertThat(issued.id()).isEqualTo(InvoiceId.of(seller.taxId(), "A-1"));
    Invoice open = sellerInvoices.get(issued.id()).send().orElseThrow();
    assertThat(open.status()).isEqualTo(InvoiceStatus.ISSUED);
    assertThat(open.taxAmount()).isEqualTo(Amount.parse("20.00"));
    assertThat(open.documentHash()).isEqualTo(InvoiceDraft.documentHash(document));
    assertThat(open.issueDate())
        .isEqualTo(LocalDate.of(2026, 11, 2).atStartOfDay().toInstant(java.time.ZoneOffset.UTC));

    TransactionResult paid = ledger.client(buyer).invoices().pay(issued.id()).send();
    assertThat(paid.events(LedgerEvent.InvoicePaid.class))
        .containsExactly(
            new LedgerEvent.InvoicePaid(issued.id(), buyer.getAddress(), Amount.parse("120")));
    assertThat(sellerInvoices.get(issued.id()).send().orElseThrow().status())
        .isEqualTo(InvoiceStatus.PAID);
    assertThat(ledger.client(buyer).token().balance(seller.address()).send())
        .isEqualTo(Amount.parse("120"));

    IssuedInvoice second =
        sellerInvoices
            .issue(
                InvoiceDraft.of(
                    "A-2",
                    Optional.empty(),
                    LocalDate.of(2026, 11, 3),
                    Amount.parse("10"),
                    0,
                    document))
            .send();
    sellerInvoices.cancel(second.id(), "issued twice").send();
    assertThat(sellerInvoices.get(second.id()).send().orElseThrow().status())
        .isEqualTo(InvoiceStatus.CANCELLED);

    IssuedInvoice credit =
        sellerInvoices
            .creditNote(issued.id(), "CN-1", Amount.parse("10"), Amount.parse("2"), document)
            .send();
    Invoice note = sellerInvoices.get(credit.id()).send().orElseThrow();
    assertThat(note.kind()).isEqualTo(InvoiceKind.CREDIT_NOTE);
    assertThat(note.originalId()).contains(issued.id());
    assertThat(sellerInvoices.get(issued.id()).send().orElseThrow().creditedNetAmount())
        .isEqualTo(Amount.parse("10"));
    assertThat(sellerInvoices.get(InvoiceId.of(seller.taxId(), "NEVER")).send()).isEmpty();
  }

  @Test
  void ledgerRecordsAreVersionedReadBackAndPaged() {
    Credentials submitter = ledger.newAccount(3, Amount.ZERO);
    LedgerClient records = ledger.client(submitter).ledger();
    String kind = LedgerClient.name("settlement");
    String key = LedgerClient.name("2026-11-25");

    for (int version = 1; version <= 3; version++) {
      WrittenRecord written =
          records.write(kind, key, ("v" + version).getBytes(StandardCharsets.UTF_8)).send();
      assertThat(written.version()).isEqualTo(version);
    }

    StoredRecord latest = records.latest(submitter.getAddress(), kind, key).send().orElseThrow();
    assertThat(latest.version()).isEqualTo(3);
    assertThat(new String(latest.payload(), StandardCharsets.UTF_8)).isEqualTo("v3");
    StoredRecord second = records.at(submitter.getAddress(), kind, key, 2).send().orElseThrow();
    assertThat(new String(second.payload(), StandardCharsets.UTF_8)).isEqualTo("v2");
    assertThat(records.at(submitter.getAddress(), kind, key, 4).send()).isEmpty();
    assertThat(records.latest(submitter.getAddress(), kind, LedgerClient.name("none")).send())
        .isEmpty();

    RecordQuery mine = RecordQuery.all().withSubmitter(submitter.getAddress()).withLimit(2);
    Page<io.fiscus.client.rpc.LedgerRecord> first = records.page(mine).send();
    assertThat(first.items()).hasSize(2);
    assertThat(first.hasNext()).isTrue();
    assertThat(records.records(mine).stream().map(r -> r.version()).toList())
        .containsExactly(3L, 2L, 1L);
    assertThat(records.records(mine.withKind(kind).withKey(key)).stream().count()).isEqualTo(3);
  }

  @Test
  void anAccountsHistoryIsPagedNewestFirst() {
    Credentials customer = ledger.newAccount(3, Amount.parse("10"));
    TokenClient bank = ledger.client("bank-a").token();
    bank.transfer(customer.getAddress(), Amount.parse("1")).send();
    bank.transfer(customer.getAddress(), Amount.parse("2")).send();
    ledger.client(customer).token().transfer(ledger.address("merchant"), Amount.parse("4")).send();
    HistoryClient history = ledger.client(customer).history();

    Page<HistoryItem> first =
        history.page(customer.getAddress(), HistoryQuery.all().withLimit(3)).send();
    assertThat(first.items()).hasSize(3);
    assertThat(first.hasNext()).isTrue();
    List<HistoryItem> all =
        history.history(customer.getAddress(), HistoryQuery.all().withLimit(1)).stream().toList();
    assertThat(all)
        .extracting(HistoryItem::amount)
        .containsExactly(
            Amount.parse("4"), Amount.parse("2"), Amount.parse("1"), Amount.parse("10"));
    assertThat(all.get(0).isIncomingTo(customer.getAddress())).isFalse();
    assertThat(all).extracting(HistoryItem::kind).containsOnly(HistoryKind.TRANSFER);
    assertThat(history.stream(customer.getAddress()).count()).isEqualTo(4);
  }

  @Test
  void theNodesOwnQueriesAnswerTyped() throws Exception {
    NodeStatus status = ledger.fiscus.cbdcNodeStatus().send().getNodeStatus();
    assertThat(status.chainId()).isEqualTo(ledger.network.chainId);
    assertThat(status.validators()).hasSize(1);
    assertThat(status.isValidator()).isTrue();

    TransactionResult paid =
        ledger
            .client("bank-a")
            .token()
            .transfer(ledger.address("merchant"), Amount.parse("1"))
            .send();
    CompletableFuture<Optional<FinalityProof>> proof =
        ledger
            .fiscus
            .cbdcGetFinalityProof(paid.transactionHash())
            .sendAsync()
            .thenApply(r -> r.proof());
    FinalityProof evidence = proof.get().orElseThrow();
    assertThat(evidence.blockHash()).isEqualTo(paid.blockHash());
    assertThat(Numeric.decodeQuantity(evidence.blockNumber()).longValueExact())
        .isEqualTo(paid.blockNumber());
    assertThat(evidence.txProof()).isNotEmpty();
    assertThat(ledger.fiscus.cbdcGetFinalityProof("0x" + "ab".repeat(32)).send().proof()).isEmpty();
    assertThat(
            ledger
                .fiscus
                .qbftGetValidatorsByBlockNumber(DefaultBlockParameterName.LATEST)
                .send()
                .getAccounts())
        .isEqualTo(status.validators());
  }
}
