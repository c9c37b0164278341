package io.fiscus.client.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.fiscus.client.Amount;
import io.fiscus.client.InvoiceId;
import io.fiscus.client.TaxId;
import java.time.Instant;
import java.util.Optional;

/**
 * An invoice or credit note as the TaxInvoices contract stores it ({@code cbdc_getInvoice}).
 *
 * @param id its id
 * @param kind invoice or credit note
 * @param seller the seller's address
 * @param sellerTaxId the seller's tax id
 * @param buyer the buyer's address; empty for a consumer invoice (buyer {@code 0x0})
 * @param buyerTaxId the buyer's tax id at issue, if the buyer is a taxpayer
 * @param number the seller's document number
 * @param issueDate the issue date from the document (credit notes: the block's time)
 * @param netAmount the net amount
 * @param taxAmount the tax (VAT) amount
 * @param taxRateBp the tax rate in basis points (2000 is 20 %)
 * @param documentHash the keccak-256 hash of the full e-invoice document, kept off the ledger
 * @param status issued, paid or cancelled
 * @param originalId for a credit note, the invoice it credits
 * @param creditedNetAmount for an invoice, the net of its live credit notes
 * @param issuedAtBlock the block that recorded it
 */
public record Invoice(
    InvoiceId id,
    InvoiceKind kind,
    String seller,
    TaxId sellerTaxId,
    Optional<String> buyer,
    Optional<TaxId> buyerTaxId,
    String number,
    Instant issueDate,
    Amount netAmount,
    Amount taxAmount,
    int taxRateBp,
    String documentHash,
    InvoiceStatus status,
    Optional<InvoiceId> originalId,
    Amount creditedNetAmount,
    long issuedAtBlock) {
  private static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";

  /**
   * What the buyer pays: net plus tax.
   *
   * @return the gross amount
   */
  public Amount grossAmount() {
    return netAmount.plus(taxAmount);
  }

  static Invoice fromJson(JsonNode json) {
    String buyer = Json.text(json, "buyer");
    return new Invoice(
        InvoiceId.of(Json.text(json, "id")),
        InvoiceKind.fromWireName(Json.text(json, "kind")),
        Json.text(json, "seller"),
        new TaxId(Json.text(json, "sellerTaxId")),
        buyer.equals(ZERO_ADDRESS) ? Optional.empty() : Optional.of(buyer),
        Json.optionalText(json, "buyerTaxId").filter(id -> !id.isEmpty()).map(TaxId::new),
        Json.text(json, "number"),
        Instant.ofEpochSecond(Json.quantity(json, "issueDate")),
        Json.amount(json, "netAmount"),
        Json.amount(json, "taxAmount"),
        Json.integer(json, "taxRateBp"),
        Json.text(json, "documentHash"),
        InvoiceStatus.fromWireName(Json.text(json, "status")),
        Json.optionalText(json, "originalId").map(InvoiceId::of),
        Json.amount(json, "creditedNetAmount"),
        Json.quantity(json, "issuedAtBlock"));
  }
}
