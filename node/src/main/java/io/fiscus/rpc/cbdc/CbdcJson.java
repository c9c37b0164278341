package io.fiscus.rpc.cbdc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fiscus.contracts.invoices.Invoice;
import io.fiscus.contracts.registry.RegistryAccount;
import io.fiscus.contracts.registry.Roles;
import io.fiscus.index.HistoryEntry;
import io.fiscus.index.Page;
import io.fiscus.index.RecordEntry;
import io.fiscus.index.TaxSummary;
import io.fiscus.rpc.state.Quantity;
import io.fiscus.types.Address;
import io.fiscus.types.Hash;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The JSON shapes of {@code cbdc_} results. Conventions: amounts are decimal strings of minor units
 * (exact in JavaScript); block numbers, timestamps, dates, nonces, versions and counts of things
 * are hex quantities as everywhere in JSON-RPC; small codes (tier, tax rate in basis points, the
 * status and kind codes) are JSON numbers; absent optional values are {@code null}.
 */
final class CbdcJson {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** Role bits and their names, in bit order. */
  private static final List<Role> ROLES =
      List.of(
          new Role(Roles.CENTRAL_BANK, "CENTRAL_BANK"),
          new Role(Roles.BANK, "BANK"),
          new Role(Roles.TAX_AUTHORITY, "TAX_AUTHORITY"),
          new Role(Roles.AUDITOR, "AUDITOR"));

  private record Role(int bit, String name) {}

  private CbdcJson() {}

  static String amount(long minorUnits) {
    return Long.toString(minorUnits);
  }

  static ObjectNode account(
      Address address, Optional<RegistryAccount> registered, long balance, long nonce) {
    ObjectNode out = JSON.objectNode();
    out.put("address", address.toHex());
    out.put("registered", registered.isPresent());
    RegistryAccount account = registered.orElse(null);
    if (account == null || account.bank().equals(Address.ZERO)) {
      out.putNull("bank");
    } else {
      out.put("bank", account.bank().toHex());
    }
    if (account == null) {
      out.putNull("tier");
    } else {
      out.put("tier", account.tier());
    }
    out.put("frozen", account != null && account.frozen());
    if (account == null || !account.isTaxpayer()) {
      out.putNull("taxId");
    } else {
      out.put("taxId", account.taxId());
    }
    ArrayNode roles = out.putArray("roles");
    int bits = account == null ? 0 : account.roles();
    for (Role role : ROLES) {
      if (Roles.holds(bits, role.bit())) {
        roles.add(role.name());
      }
    }
    out.put("balance", amount(balance));
    out.put("nonce", Quantity.hex(nonce));
    return out;
  }

  static ObjectNode historyEntry(HistoryEntry entry) {
    ObjectNode out = JSON.objectNode();
    out.put("txHash", entry.transactionHash().toHex());
    out.put("blockNumber", Quantity.hex(entry.blockNumber()));
    out.put("timestamp", Quantity.hex(entry.timestampSeconds()));
    out.put("kind", entry.kind().wireName());
    out.put("from", entry.from().toHex());
    out.put("to", entry.to().toHex());
    out.put("amount", amount(entry.amount()));
    entry.reference().ifPresent(reference -> out.put("reference", reference.toHex()));
    return out;
  }

  /**
   * An invoice or credit note: every stored field; {@code status} and {@code kind} as names ({@code
   * issued|paid|cancelled}, {@code invoice|creditNote}) with the contract's numbers in {@code
   * statusCode} and {@code kindCode}; {@code originalId} is null for an invoice.
   */
  static ObjectNode invoice(Invoice invoice) {
    ObjectNode out = JSON.objectNode();
    out.put("id", invoice.id().toHex());
    out.put("kind", InvoiceStatus.kindName(invoice.kind()));
    out.put("kindCode", invoice.kind());
    out.put("seller", invoice.seller().toHex());
    out.put("sellerTaxId", invoice.sellerTaxId());
    out.put("buyer", invoice.buyer().toHex());
    out.put("buyerTaxId", invoice.buyerTaxId());
    out.put("number", invoice.number());
    out.put("issueDate", Quantity.hex(invoice.issueDate()));
    out.put("netAmount", amount(invoice.netAmount()));
    out.put("taxAmount", amount(invoice.taxAmount()));
    out.put("taxRateBp", invoice.taxRateBp());
    out.put("documentHash", invoice.documentHash().toHex());
    out.put("status", InvoiceStatus.name(invoice.status()));
    out.put("statusCode", invoice.status());
    if (invoice.originalId().equals(Hash.ZERO)) {
      out.putNull("originalId");
    } else {
      out.put("originalId", invoice.originalId().toHex());
    }
    out.put("creditedNetAmount", amount(invoice.creditedNetAmount()));
    out.put("issuedAtBlock", Quantity.hex(invoice.issuedAtBlock()));
    return out;
  }

  static ObjectNode taxSummary(TaxSummary summary) {
    ObjectNode out = JSON.objectNode();
    out.put("invoiceCount", Quantity.hex(summary.invoiceCount()));
    out.put("netTotal", amount(summary.netTotal()));
    out.put("taxTotal", amount(summary.taxTotal()));
    out.put("creditNoteCount", Quantity.hex(summary.creditNoteCount()));
    out.put("creditNetTotal", amount(summary.creditNetTotal()));
    out.put("creditTaxTotal", amount(summary.creditTaxTotal()));
    out.put("paidCount", Quantity.hex(summary.paidCount()));
    out.put("paidGrossTotal", amount(summary.paidGrossTotal()));
    return out;
  }

  static ObjectNode record(RecordEntry entry) {
    ObjectNode out = JSON.objectNode();
    out.put("submitter", entry.submitter().toHex());
    out.put("kind", entry.kind().toHex());
    out.put("key", entry.key().toHex());
    out.put("version", Quantity.hex(entry.version()));
    out.put("payload", entry.payload().toHex());
    out.put("blockNumber", Quantity.hex(entry.blockNumber()));
    out.put("txHash", entry.transactionHash().toHex());
    return out;
  }

  static ObjectNode supply(long issued, long redeemed) {
    ObjectNode out = JSON.objectNode();
    out.put("totalSupply", amount(issued - redeemed));
    out.put("issued", amount(issued));
    out.put("redeemed", amount(redeemed));
    return out;
  }

  /** {@code {items: [...], nextCursor: string | null}}. */
  static <T> ObjectNode page(Page<T> page, Function<T, ObjectNode> item) {
    ObjectNode out = JSON.objectNode();
    ArrayNode items = out.putArray("items");
    page.items().forEach(entry -> items.add(item.apply(entry)));
    page.nextCursor()
        .ifPresentOrElse(cursor -> out.put("nextCursor", cursor), () -> out.putNull("nextCursor"));
    return out;
  }

  static ArrayNode addresses(List<Address> addresses) {
    ArrayNode out = JSON.arrayNode();
    addresses.forEach(address -> out.add(address.toHex()));
    return out;
  }
}
