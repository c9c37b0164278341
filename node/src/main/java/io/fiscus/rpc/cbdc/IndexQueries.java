package io.fiscus.rpc.cbdc;

import com.fasterxml.jackson.databind.JsonNode;
import io.fiscus.chain.ChainReader;
import io.fiscus.index.HistoryQuery;
import io.fiscus.index.InvalidQueryException;
import io.fiscus.index.InvoiceQuery;
import io.fiscus.index.LedgerIndex;
import io.fiscus.index.RecordQuery;
import io.fiscus.index.TaxSummaryQuery;
import io.fiscus.rpc.RpcException;
import io.fiscus.rpc.RpcParams;
import io.fiscus.rpc.state.BlockParameter;
import io.fiscus.rpc.state.ObjectParams;
import io.fiscus.types.Address;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The {@code cbdc_} methods answered from the secondary indexes: filters parsed and checked here,
 * pages served by {@link LedgerIndex}. A query the index refuses ({@link InvalidQueryException}: a
 * bad cursor, contradictory filters) is -32602 with the index's detail.
 */
final class IndexQueries {
  static final int LIMIT_DEFAULT = 100;
  static final int LIMIT_MAX = 1000;

  private static final Set<String> HISTORY_MEMBERS =
      Set.of("fromBlock", "toBlock", "cursor", "limit");
  private static final Set<String> INVOICE_MEMBERS =
      Set.of(
          "seller",
          "buyer",
          "sellerTaxId",
          "buyerTaxId",
          "status",
          "fromDate",
          "toDate",
          "cursor",
          "limit");
  private static final Set<String> TAX_SUMMARY_MEMBERS =
      Set.of("seller", "sellerTaxId", "fromDate", "toDate");
  private static final Set<String> RECORD_MEMBERS =
      Set.of("submitter", "kind", "key", "cursor", "limit");

  private final ChainReader chain;
  private final LedgerIndex index;

  IndexQueries(ChainReader chain, LedgerIndex index) {
    this.chain = chain;
    this.index = index;
  }

  /** {@code cbdc_getAccountHistory [address, {fromBlock?, toBlock?, cursor?, limit?}]}. */
  Object accountHistory(RpcParams params) {
    Address account = params.address(0);
    ObjectParams filter = ObjectParams.optional(params, 1, HISTORY_MEMBERS);
    long head = chain.headNumber();
    OptionalLong fromBlock = blockNumber(filter, "fromBlock", head);
    OptionalLong toBlock = blockNumber(filter, "toBlock", head);
    requireOrdered(filter, fromBlock, toBlock, "fromBlock", "toBlock");
    HistoryQuery query =
        new HistoryQuery(account, fromBlock, toBlock, filter.string("cursor"), limit(filter));
    return CbdcJson.page(ask(() -> index.accountHistory(query)), CbdcJson::historyEntry);
  }

  /** {@code cbdc_getInvoices [{seller?, buyer?, ..., status?, fromDate?, toDate?, ...}]}. */
  Object invoices(RpcParams params) {
    ObjectParams filter = ObjectParams.optional(params, 0, INVOICE_MEMBERS);
    OptionalLong fromDate = filter.quantity("fromDate");
    OptionalLong toDate = filter.quantity("toDate");
    requireOrdered(filter, fromDate, toDate, "fromDate", "toDate");
    Optional<JsonNode> status = filter.member("status");
    InvoiceQuery query =
        new InvoiceQuery(
            filter.address("seller"),
            filter.address("buyer"),
            filter.string("sellerTaxId"),
            filter.string("buyerTaxId"),
            status.isPresent()
                ? OptionalInt.of(InvoiceStatus.parse(status.get(), filter.describe("status")))
                : OptionalInt.empty(),
            fromDate,
            toDate,
            filter.string("cursor"),
            limit(filter));
    return CbdcJson.page(ask(() -> index.invoices(query)), CbdcJson::invoice);
  }

  /** {@code cbdc_getTaxSummary [{seller | sellerTaxId, fromDate, toDate}]}. */
  Object taxSummary(RpcParams params) {
    ObjectParams filter = ObjectParams.required(params, 0, TAX_SUMMARY_MEMBERS);
    Optional<Address> seller = filter.address("seller");
    Optional<String> sellerTaxId = filter.string("sellerTaxId");
    if (seller.isPresent() == sellerTaxId.isPresent()) {
      throw RpcException.invalidParams("parameter 0: give exactly one of seller and sellerTaxId");
    }
    long fromDate = required(filter, "fromDate");
    long toDate = required(filter, "toDate");
    requireOrdered(
        filter, OptionalLong.of(fromDate), OptionalLong.of(toDate), "fromDate", "toDate");
    TaxSummaryQuery query = new TaxSummaryQuery(seller, sellerTaxId, fromDate, toDate);
    return CbdcJson.taxSummary(ask(() -> index.taxSummary(query)));
  }

  /** {@code cbdc_getRecords [{submitter?, kind?, key?, cursor?, limit?}]}. */
  Object records(RpcParams params) {
    ObjectParams filter = ObjectParams.optional(params, 0, RECORD_MEMBERS);
    RecordQuery query =
        new RecordQuery(
            filter.address("submitter"),
            filter.hash("kind"),
            filter.hash("key"),
            filter.string("cursor"),
            limit(filter));
    return CbdcJson.page(ask(() -> index.records(query)), CbdcJson::record);
  }

  private static <T> T ask(Supplier<T> query) {
    try {
      return query.get();
    } catch (InvalidQueryException e) {
      throw RpcException.invalidParams(e.getMessage());
    }
  }

  /** {@code limit}: 1 to {@value #LIMIT_MAX}, {@value #LIMIT_DEFAULT} if absent. */
  static int limit(ObjectParams filter) {
    OptionalLong limit = filter.quantity("limit");
    if (limit.isEmpty()) {
      return LIMIT_DEFAULT;
    }
    long value = limit.getAsLong();
    if (value < 1 || value > LIMIT_MAX) {
      throw RpcException.invalidParams(
          filter.describe("limit") + ": must be 1 to " + LIMIT_MAX + ", got " + value);
    }
    return (int) value;
  }

  /** A block bound: a hex number, a JSON integer or a block tag. */
  private static OptionalLong blockNumber(ObjectParams filter, String name, long head) {
    Optional<JsonNode> node = filter.member(name);
    if (node.isPresent() && node.get().isTextual() && !node.get().asText().startsWith("0x")) {
      return OptionalLong.of(BlockParameter.number(node.get(), filter.describe(name), head));
    }
    return filter.quantity(name);
  }

  private static long required(ObjectParams filter, String name) {
    OptionalLong value = filter.quantity(name);
    if (value.isEmpty()) {
      throw RpcException.invalidParams(filter.describe(name) + " is required");
    }
    return value.getAsLong();
  }

  private static void requireOrdered(
      ObjectParams filter, OptionalLong from, OptionalLong to, String fromName, String toName) {
    if (from.isPresent() && to.isPresent() && from.getAsLong() > to.getAsLong()) {
      throw RpcException.invalidParams(
          filter.describe(fromName) + " is after " + filter.describe(toName));
    }
  }
}
