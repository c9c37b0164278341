package io.fiscus.client.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.fiscus.client.Amount;

/**
 * A seller's VAT totals over a period of issue dates ({@code cbdc_getTaxSummary}); cancelled
 * documents count nowhere.
 *
 * @param invoiceCount invoices issued in the period
 * @param netTotal their net total
 * @param taxTotal their tax total (output VAT)
 * @param creditNoteCount credit notes issued in the period
 * @param creditNetTotal their net total
 * @param creditTaxTotal their tax total (VAT to deduct)
 * @param paidCount invoices of the period that are paid
 * @param paidGrossTotal what was paid for them, net plus tax
 */
public record TaxSummary(
    long invoiceCount,
    Amount netTotal,
    Amount taxTotal,
    long creditNoteCount,
    Amount creditNetTotal,
    Amount creditTaxTotal,
    long paidCount,
    Amount paidGrossTotal) {

  /**
   * The VAT the seller owes for the period: invoices' tax less credit notes' tax, in minor units
   * (negative when the credit notes outweigh the invoices).
   *
   * @return tax total minus credited tax, in minor units
   */
  public long vatDueMinorUnits() {
    return taxTotal.minorUnits() - creditTaxTotal.minorUnits();
  }

  static TaxSummary fromJson(JsonNode json) {
    return new TaxSummary(
        Json.quantity(json, "invoiceCount"),
        Json.amount(json, "netTotal"),
        Json.amount(json, "taxTotal"),
        Json.quantity(json, "creditNoteCount"),
        Json.amount(json, "creditNetTotal"),
        Json.amount(json, "creditTaxTotal"),
        Json.quantity(json, "paidCount"),
        Json.amount(json, "paidGrossTotal"));
  }
}
