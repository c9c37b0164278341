package io.fiscus.contracts.invoices;

import io.fiscus.types.Address;
import io.fiscus.types.Hash;

/**
 * An invoice or a credit note as stored (the fields of {@code ITaxInvoices.Invoice}). Amounts are
 * minor units; {@code issueDate} is unix seconds from the document (a credit note: the block's
 * timestamp); {@code creditedNetAmount} is the net of an invoice's live credit notes.
 */
public record Invoice(
    Hash id,
    Address seller,
    String sellerTaxId,
    Address buyer,
    String buyerTaxId,
    String number,
    long issueDate,
    long netAmount,
    long taxAmount,
    int taxRateBp,
    Hash documentHash,
    int status,
    int kind,
    Hash originalId,
    long creditedNetAmount,
    long issuedAtBlock) {
  public static final int ISSUED = 1;
  public static final int PAID = 2;
  public static final int CANCELLED = 3;

  public static final int KIND_INVOICE = 0;
  public static final int KIND_CREDIT_NOTE = 1;

  public boolean isCreditNote() {
    return kind == KIND_CREDIT_NOTE;
  }

  public Invoice withStatus(int newStatus) {
    return new Invoice(
        id,
        seller,
        sellerTaxId,
        buyer,
        buyerTaxId,
        number,
        issueDate,
        netAmount,
        taxAmount,
        taxRateBp,
        documentHash,
        newStatus,
        kind,
        originalId,
        creditedNetAmount,
        issuedAtBlock);
  }

  public Invoice withCreditedNetAmount(long newCreditedNetAmount) {
    return new Invoice(
        id,
        seller,
        sellerTaxId,
        buyer,
        buyerTaxId,
        number,
        issueDate,
        netAmount,
        taxAmount,
        taxRateBp,
        documentHash,
        status,
        kind,
        originalId,
        newCreditedNetAmount,
        issuedAtBlock);
  }
}
