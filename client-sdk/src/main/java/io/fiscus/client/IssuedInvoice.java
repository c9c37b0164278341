package io.fiscus.client;

import io.fiscus.client.tx.TransactionResult;

/**
 * An invoice or credit note the ledger recorded.
 *
 * @param id its id
 * @param result the final transaction, with the {@code InvoiceIssued} or {@code CreditNoteIssued}
 *     event
 */
public record IssuedInvoice(InvoiceId id, TransactionResult result) {}
