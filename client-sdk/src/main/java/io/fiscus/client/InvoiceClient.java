package io.fiscus.client;

import io.fiscus.client.events.LedgerEvent;
import io.fiscus.client.events.LedgerEvents;
import io.fiscus.client.rpc.CbdcGetInvoice;
import io.fiscus.client.rpc.Invoice;
import io.fiscus.client.tx.TransactionResult;
import io.fiscus.client.tx.TransactionSender;
import java.math.BigInteger;
import java.util.Optional;
import java.util.function.Function;
import org.web3j.utils.Numeric;

/**
 * Tax invoices (the TaxInvoices contract at {@code 0x…cb02}): a seller that is a registered
 * taxpayer issues, cancels and credits; the buyer pays, in the same transaction as the money moves.
 * The e-invoice document stays with the parties; the ledger keeps its keccak-256 hash.
 */
public final class InvoiceClient {
  private static final String TAX_INVOICES = LedgerEvents.TAX_INVOICES;
  private static final String CONSUMER = "0x0000000000000000000000000000000000000000";

  private final ContractCalls contracts;

  /**
   * A client acting as the sender's account.
   *
   * @param sender the seller or buyer
   */
  public InvoiceClient(TransactionSender sender) {
    this.contracts = new ContractCalls(sender.fiscus(), Optional.of(sender));
  }

  /**
   * Reads through {@code reads} (e.g. with a reason on its tokens), sends through {@code sender}.
   */
  InvoiceClient(Fiscus reads, TransactionSender sender) {
    this.contracts = new ContractCalls(reads, Optional.of(sender));
  }

  /**
   * A read-only client: only {@link #get(InvoiceId)} works.
   *
   * @param fiscus the node
   */
  public InvoiceClient(Fiscus fiscus) {
    this.contracts = new ContractCalls(fiscus, Optional.empty());
  }

  /**
   * Issues an invoice as the sender (a registered taxpayer).
   *
   * @param draft the invoice; see {@link InvoiceDraft#of}
   * @return the invoice's id and the final result
   */
  public Call<IssuedInvoice> issue(InvoiceDraft draft) {
    return contracts
        .execute(
            TAX_INVOICES,
            contracts.invoices.issueInvoice(
                draft.number(),
                draft.buyer().orElse(CONSUMER),
                BigInteger.valueOf(draft.issueDateEpochSecond()),
                draft.netAmount().toBigInteger(),
                draft.taxAmount().toBigInteger(),
                BigInteger.valueOf(draft.taxRateBp()),
                Numeric.hexStringToByteArray(draft.documentHash())))
        .map(
            result ->
                new IssuedInvoice(
                    issuedId(
                        result, LedgerEvent.InvoiceIssued.class, LedgerEvent.InvoiceIssued::id),
                    result));
  }

  /**
   * Pays an invoice as the sender: net plus tax move to the seller, under every Token rule.
   *
   * @param id the invoice
   * @return the final result, with {@code Transfer} and {@code InvoicePaid}
   */
  public Call<TransactionResult> pay(InvoiceId id) {
    return contracts.execute(TAX_INVOICES, contracts.invoices.payInvoice(id.toBytes()));
  }

  /**
   * Cancels an open invoice or credit note as its seller.
   *
   * @param id the invoice or credit note
   * @param reason why, 1..256 bytes
   * @return the final result, with {@code InvoiceCancelled}
   */
  public Call<TransactionResult> cancel(InvoiceId id, String reason) {
    return contracts.execute(TAX_INVOICES, contracts.invoices.cancelInvoice(id.toBytes(), reason));
  }

  /**
   * Issues a credit note against one of the sender's invoices, at the invoice's tax rate. The
   * refund itself is a payment: {@code transferWithReference(buyer, gross, creditNoteId)}.
   *
   * @param originalId the invoice credited
   * @param number the credit note's document number
   * @param netAmount the net credited; all notes together at most the invoice's net
   * @param taxAmount the tax credited, within one minor unit of the net at the invoice's rate
   * @param document the credit note document's bytes
   * @return the credit note's id and the final result
   */
  public Call<IssuedInvoice> creditNote(
      InvoiceId originalId, String number, Amount netAmount, Amount taxAmount, byte[] document) {
    return contracts
        .execute(
            TAX_INVOICES,
            contracts.invoices.issueCreditNote(
                originalId.toBytes(),
                number,
                netAmount.toBigInteger(),
                taxAmount.toBigInteger(),
                Numeric.hexStringToByteArray(InvoiceDraft.documentHash(document))))
        .map(
            result ->
                new IssuedInvoice(
                    issuedId(
                        result,
                        LedgerEvent.CreditNoteIssued.class,
                        LedgerEvent.CreditNoteIssued::id),
                    result));
  }

  /**
   * An invoice or credit note ({@code cbdc_getInvoice}).
   *
   * @param id its id
   * @return the invoice, empty if there is none with this id
   */
  public Call<Optional<Invoice>> get(InvoiceId id) {
    return Call.of(contracts.fiscus.cbdcGetInvoice(id)).map(CbdcGetInvoice::getInvoice);
  }

  private static <E extends LedgerEvent> InvoiceId issuedId(
      TransactionResult result, Class<E> event, Function<E, InvoiceId> id) {
    return result
        .event(event)
        .map(id)
        .orElseThrow(
            () ->
                new UnexpectedResponseException(
                    "transaction " + result.transactionHash() + " emitted no " + event.getName()));
  }
}
