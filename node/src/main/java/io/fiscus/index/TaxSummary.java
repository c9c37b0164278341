package io.fiscus.index;

/**
 * VAT totals of a seller over a period, in minor units: invoices (not cancelled), credit notes, and
 * what of the invoices has been paid (net plus tax).
 */
public record TaxSummary(
    long invoiceCount,
    long netTotal,
    long taxTotal,
    long creditNoteCount,
    long creditNetTotal,
    long creditTaxTotal,
    long paidCount,
    long paidGrossTotal) {}
