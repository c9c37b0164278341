package io.fiscus.client.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fiscus.client.Amount;
import io.fiscus.client.Role;
import io.fiscus.client.TaxId;
import io.fiscus.client.UnexpectedResponseException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.ObjectMapperFactory;

/** The {@code cbdc_} answers as the node writes them (docs/rpc.md), read through Web3j's mapper. */
class ResponsesTest {
  private final ObjectMapper web3j = ObjectMapperFactory.getObjectMapper();

  private <T> T read(String result, Class<T> type) throws Exception {
    return web3j.readValue("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":" + result + "}", type);
  }

  @Test
  void anAccountReadsWithItsRolesTaxIdAndAmounts() throws Exception {
    CbdcAccount account =
        read(
                """
                {"address":"0xaa00000000000000000000000000000000000001","registered":true,
                 "bank":null,"tier":3,"frozen":false,"taxId":"TIN-1",
                 "roles":["BANK","AUDITOR","SOMETHING_NEW"],"balance":"12000","nonce":"0x1a"}
                """,
                CbdcGetAccount.class)
            .getAccount();
    assertThat(account.roles()).containsExactly(Role.BANK, Role.AUDITOR);
    assertThat(account.bank()).isEmpty();
    assertThat(account.tier()).hasValue(3);
    assertThat(account.taxId()).contains(TaxId.of("TIN-1"));
    assertThat(account.balance()).isEqualTo(Amount.parse("120.00"));
    assertThat(account.nonce()).isEqualTo(26);
  }

  @Test
  void anUnknownInvoiceIsEmptyAndAKnownOneIsTyped() throws Exception {
    assertThat(read("null", CbdcGetInvoice.class).getInvoice()).isEmpty();
    Invoice invoice =
        read(
                """
                {"id":"0x%s","kind":"invoice","kindCode":0,
                 "seller":"0xaa00000000000000000000000000000000000001","sellerTaxId":"S-1",
                 "buyer":"0x0000000000000000000000000000000000000000","buyerTaxId":"",
                 "number":"INV-1","issueDate":"0x6a6d9a00","netAmount":"10000",
                 "taxAmount":"2000","taxRateBp":2000,"documentHash":"0x%s","status":"paid",
                 "statusCode":2,"originalId":null,"creditedNetAmount":"0","issuedAtBlock":"0x5"}
                """
                    .formatted("ab".repeat(32), "cd".repeat(32)),
                CbdcGetInvoice.class)
            .getInvoice()
            .orElseThrow();
    assertThat(invoice.buyer()).isEmpty();
    assertThat(invoice.buyerTaxId()).isEmpty();
    assertThat(invoice.status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(invoice.grossAmount()).isEqualTo(Amount.parse("120"));
    assertThat(invoice.issueDate()).isEqualTo(Instant.ofEpochSecond(0x6a6d9a00L));
    assertThat(invoice.issuedAtBlock()).isEqualTo(5);
  }

  @Test
  void aPageCarriesItsCursorUntilTheLast() throws Exception {
    String item =
        """
        {"txHash":"0x%s","blockNumber":"0x2","timestamp":"0x10","kind":"invoicePayment",
         "from":"0xaa00000000000000000000000000000000000001",
         "to":"0xaa00000000000000000000000000000000000002","amount":"5"}
        """
            .formatted("12".repeat(32));
    Page<HistoryItem> page =
        read("{\"items\":[" + item + "],\"nextCursor\":\"abc\"}", CbdcGetAccountHistory.class)
            .getPage();
    assertThat(page.nextCursor()).contains("abc");
    assertThat(page.items().get(0).kind()).isEqualTo(HistoryKind.INVOICE_PAYMENT);
    assertThat(page.items().get(0).reference()).isEmpty();
    assertThat(read("{\"items\":[],\"nextCursor\":null}", CbdcGetRecords.class).getPage().hasNext())
        .isFalse();
  }

  @Test
  void aMalformedAnswerIsAnUnexpectedResponseNotADefault() throws Exception {
    CbdcGetSupply notHex =
        read("{\"totalSupply\":\"1\",\"issued\":\"x\",\"redeemed\":\"0\"}", CbdcGetSupply.class);
    assertThatThrownBy(notHex::getSupply).isInstanceOf(UnexpectedResponseException.class);
    CbdcNodeStatus missing = read("{\"chainId\":\"0x539\"}", CbdcNodeStatus.class);
    assertThatThrownBy(missing::getNodeStatus)
        .isInstanceOf(UnexpectedResponseException.class)
        .hasMessageContaining("height");
    assertThatThrownBy(read("null", CbdcGetSupply.class)::getSupply)
        .isInstanceOf(UnexpectedResponseException.class);
  }

  @Test
  void queriesWriteQuantitiesAsHex() {
    assertThat(
            InvoiceQuery.all()
                .withStatus(InvoiceStatus.ISSUED)
                .within(TaxPeriod.year(2025))
                .withLimit(50)
                .toParams())
        .containsEntry("status", "issued")
        .containsEntry("fromDate", "0x67748580")
        .containsEntry("limit", "0x32");
    assertThatThrownBy(() -> HistoryQuery.all().withLimit(1001))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new TaxSummaryQuery(
                    java.util.Optional.empty(), java.util.Optional.empty(), TaxPeriod.year(2025)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
