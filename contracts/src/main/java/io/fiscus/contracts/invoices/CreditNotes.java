package io.fiscus.contracts.invoices;

import static io.fiscus.contracts.system.ContractRevert.require;
import static io.fiscus.contracts.system.SystemAddresses.TAX_INVOICES;

import io.fiscus.abi.AbiReader;
import io.fiscus.abi.AbiWriter;
import io.fiscus.contracts.registry.RegistryAccount;
import io.fiscus.contracts.system.Events;
import io.fiscus.contracts.system.Invocation;
import io.fiscus.contracts.system.RevertReason;
import io.fiscus.state.StateChanges;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;

/** {@code TaxInvoices.issueCreditNote}: a credit note against an invoice of the caller's. */
final class CreditNotes {
  private CreditNotes() {}

  static Bytes issueCreditNote(Invocation call) {
    AbiReader args = call.arguments(5);
    Hash originalId = args.bytes32();
    String number = args.string();
    long net = args.amount();
    long tax = args.amount();
    Hash documentHash = args.bytes32();
    args.end();
    StateChanges state = call.state();
    Address seller = call.context().sender();
    RegistryAccount sellerAccount = TaxInvoices.requireTaxpayer(call);
    require(TaxInvoices.isValidNumber(number), RevertReason.INVALID_NUMBER);
    TaxInvoices.requireAmounts(net, tax);
    Invoice original = TaxInvoices.requireInvoice(state, originalId);
    require(!original.isCreditNote(), RevertReason.NOT_AN_INVOICE);
    require(original.seller().equals(seller), RevertReason.NOT_SELLER);
    require(original.status() != Invoice.CANCELLED, RevertReason.INVOICE_CANCELLED);
    require(TaxInvoices.taxMatches(net, tax, original.taxRateBp()), RevertReason.TAX_MISMATCH);
    require(
        net <= original.netAmount() - original.creditedNetAmount(),
        RevertReason.CREDIT_EXCEEDS_ORIGINAL);
    Hash id = InvoiceStore.invoiceId(sellerAccount.taxId(), number);
    require(InvoiceStore.invoice(state, id).isEmpty(), RevertReason.DUPLICATE_INVOICE);
    InvoiceStore.put(
        state,
        new Invoice(
            id,
            seller,
            sellerAccount.taxId(),
            original.buyer(),
            original.buyerTaxId(),
            number,
            call.context().blockTimestampSeconds(),
            net,
            tax,
            original.taxRateBp(),
            documentHash,
            Invoice.ISSUED,
            Invoice.KIND_CREDIT_NOTE,
            originalId,
            0,
            call.context().blockNumber()));
    InvoiceStore.put(state, original.withCreditedNetAmount(original.creditedNetAmount() + net));
    Bytes data = new AbiWriter(2).uint(net).uint(tax).toBytes();
    call.emit(Events.log(TAX_INVOICES, TaxInvoices.CREDIT_NOTE_ISSUED, data, id, originalId));
    return new AbiWriter(1).bytes32(id).toBytes();
  }
}
