package io.fiscus.index;

import io.fiscus.abi.AbiSignatures;
import io.fiscus.contracts.invoices.TaxInvoices;
import io.fiscus.contracts.records.LedgerRecords;
import io.fiscus.contracts.token.Token;
import io.fiscus.types.Address;
import io.fiscus.types.Hash;
import java.util.List;

/**
 * The topic 0 of each event the indexes read, taken from the contracts' own event lists so a
 * renamed or re-typed event fails here at class load rather than silently indexing nothing.
 */
final class ContractEvents {
  static final Hash TRANSFER = topic(Token.EVENTS, "Transfer");
  static final Hash PAYMENT_REFERENCE = topic(Token.EVENTS, "PaymentReference");
  static final Hash INVOICE_ISSUED = topic(TaxInvoices.EVENTS, "InvoiceIssued");
  static final Hash INVOICE_PAID = topic(TaxInvoices.EVENTS, "InvoicePaid");
  static final Hash INVOICE_CANCELLED = topic(TaxInvoices.EVENTS, "InvoiceCancelled");
  static final Hash CREDIT_NOTE_ISSUED = topic(TaxInvoices.EVENTS, "CreditNoteIssued");
  static final Hash RECORD_WRITTEN = topic(LedgerRecords.EVENTS, "RecordWritten");

  private ContractEvents() {}

  /** An indexed address parameter back from its topic: the last 20 bytes, the rest zero. */
  static Address address(Hash topic) {
    byte[] word = topic.bytes().unsafeArray();
    for (int i = 0; i < Hash.SIZE - Address.SIZE; i++) {
      if (word[i] != 0) {
        throw new IllegalStateException("address topic with dirty high bytes: " + topic);
      }
    }
    return new Address(topic.bytes().slice(Hash.SIZE - Address.SIZE, Hash.SIZE));
  }

  private static Hash topic(List<String> signatures, String name) {
    return signatures.stream()
        .filter(signature -> signature.startsWith(name + "("))
        .findFirst()
        .map(AbiSignatures::topic)
        .orElseThrow(() -> new IllegalStateException("no event " + name + " in " + signatures));
  }
}
