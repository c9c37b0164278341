package io.fiscus.contracts.invoices;

import static io.fiscus.contracts.system.ContractRevert.require;
import static io.fiscus.contracts.system.SystemAddresses.TAX_INVOICES;

import io.fiscus.abi.AbiReader;
import io.fiscus.abi.AbiSignatures;
import io.fiscus.abi.AbiWriter;
import io.fiscus.contracts.registry.RegistryAccount;
import io.fiscus.contracts.registry.RegistryStore;
import io.fiscus.contracts.system.ContractFunction;
import io.fiscus.contracts.system.ContractRevert;
import io.fiscus.contracts.system.Events;
import io.fiscus.contracts.system.Invocation;
import io.fiscus.contracts.system.RevertReason;
import io.fiscus.contracts.system.SystemContract;
import io.fiscus.contracts.token.Token;
import io.fiscus.contracts.token.TransferRules;
import io.fiscus.state.StateChanges;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * TaxInvoices at {@code 0x…cb02}: tax invoices and credit notes, paid through the Token. Rules and
 * revert reasons: {@code ITaxInvoices.sol} and {@code contracts/README.md}.
 */
public final class TaxInvoices implements SystemContract {
  public static final long ISSUE_GAS = 40_000;
  public static final long PAY_GAS = 30_000;
  public static final long CANCEL_GAS = 15_000;

  static final Hash INVOICE_ISSUED =
      AbiSignatures.topic("InvoiceIssued(bytes32,address,address,uint256,uint256,uint64)");
  static final Hash INVOICE_PAID = AbiSignatures.topic("InvoicePaid(bytes32,address,uint256)");
  static final Hash INVOICE_CANCELLED = AbiSignatures.topic("InvoiceCancelled(bytes32,string)");
  static final Hash CREDIT_NOTE_ISSUED =
      AbiSignatures.topic("CreditNoteIssued(bytes32,bytes32,uint256,uint256)");

  /** Every event's canonical signature, for the ABI drift test. */
  public static final List<String> EVENTS =
      List.of(
          "InvoiceIssued(bytes32,address,address,uint256,uint256,uint64)",
          "InvoicePaid(bytes32,address,uint256)",
          "InvoiceCancelled(bytes32,string)",
          "CreditNoteIssued(bytes32,bytes32,uint256,uint256)");

  private static final int NUMBER_CHARS_MAX = 64;
  private static final int REASON_BYTES_MAX = 256;
  private static final int TAX_RATE_BP_MAX = 10_000;

  private final List<ContractFunction> functions =
      List.of(
          ContractFunction.of(
              "issueInvoice(string,address,uint64,uint256,uint256,uint16,bytes32)",
              ISSUE_GAS,
              TaxInvoices::issueInvoice),
          ContractFunction.of("payInvoice(bytes32)", PAY_GAS, TaxInvoices::payInvoice),
          ContractFunction.of("cancelInvoice(bytes32,string)", CANCEL_GAS, TaxInvoices::cancel),
          ContractFunction.of(
              "issueCreditNote(bytes32,string,uint256,uint256,bytes32)",
              ISSUE_GAS,
              CreditNotes::issueCreditNote),
          ContractFunction.of("getInvoice(bytes32)", 0, TaxInvoices::getInvoice),
          ContractFunction.of("invoiceId(string,string)", 0, TaxInvoices::invoiceId));

  @Override
  public Address address() {
    return TAX_INVOICES;
  }

  @Override
  public List<ContractFunction> functions() {
    return functions;
  }

  private static Bytes issueInvoice(Invocation call) {
    AbiReader args = call.arguments(7);
    String number = args.string();
    Address buyer = args.address();
    long issueDate = args.uint64();
    long net = args.amount();
    long tax = args.amount();
    int taxRateBp = args.uint16();
    Hash documentHash = args.bytes32();
    args.end();
    StateChanges state = call.state();
    Address seller = call.context().sender();
    RegistryAccount sellerAccount = requireTaxpayer(call);
    require(isValidNumber(number), RevertReason.INVALID_NUMBER);
    require(!buyer.equals(seller), RevertReason.BUYER_IS_SELLER);
    require(issueDate > 0, RevertReason.INVALID_ISSUE_DATE);
    requireAmounts(net, tax);
    require(taxRateBp <= TAX_RATE_BP_MAX, RevertReason.INVALID_TAX_RATE);
    require(taxMatches(net, tax, taxRateBp), RevertReason.TAX_MISMATCH);
    String buyerTaxId = "";
    if (!buyer.equals(Address.ZERO)) {
      RegistryAccount buyerAccount =
          RegistryStore.account(state, buyer)
              .orElseThrow(() -> new ContractRevert(RevertReason.BUYER_NOT_REGISTERED));
      buyerTaxId = buyerAccount.taxId();
    }
    Hash id = InvoiceStore.invoiceId(sellerAccount.taxId(), number);
    require(InvoiceStore.invoice(state, id).isEmpty(), RevertReason.DUPLICATE_INVOICE);
    InvoiceStore.put(
        state,
        new Invoice(
            id,
            seller,
            sellerAccount.taxId(),
            buyer,
            buyerTaxId,
            number,
            issueDate,
            net,
            tax,
            taxRateBp,
            documentHash,
            Invoice.ISSUED,
            Invoice.KIND_INVOICE,
            Hash.ZERO,
            0,
            call.context().blockNumber()));
    Bytes data = new AbiWriter(3).uint(net).uint(tax).uint(issueDate).toBytes();
    call.emit(
        Events.log(
            TAX_INVOICES, INVOICE_ISSUED, data, id, Events.topic(seller), Events.topic(buyer)));
    return new AbiWriter(1).bytes32(id).toBytes();
  }

  private static Bytes payInvoice(Invocation call) {
    AbiReader args = call.arguments(1);
    Hash id = args.bytes32();
    args.end();
    StateChanges state = call.state();
    Address payer = call.context().sender();
    RegistryAccount payerAccount = RegistryStore.requireActiveCaller(state, payer);
    Invoice invoice = requireInvoice(state, id);
    require(!invoice.isCreditNote(), RevertReason.NOT_PAYABLE);
    require(
        invoice.buyer().equals(Address.ZERO) || invoice.buyer().equals(payer),
        RevertReason.NOT_BUYER);
    require(!invoice.seller().equals(payer), RevertReason.PAYER_IS_SELLER);
    require(invoice.status() != Invoice.PAID, RevertReason.ALREADY_PAID);
    require(invoice.status() != Invoice.CANCELLED, RevertReason.INVOICE_CANCELLED);
    // net + tax was checked to fit a long at issue.
    long amount = invoice.netAmount() + invoice.taxAmount();
    TransferRules.move(call, payer, payerAccount, invoice.seller(), amount);
    InvoiceStore.put(state, invoice.withStatus(Invoice.PAID));
    call.emit(
        Events.log(
            TAX_INVOICES, INVOICE_PAID, AbiWriter.uintWord(amount), id, Events.topic(payer)));
    return Bytes.EMPTY;
  }

  private static Bytes cancel(Invocation call) {
    AbiReader args = call.arguments(2);
    Hash id = args.bytes32();
    String reason = args.string();
    args.end();
    StateChanges state = call.state();
    Address caller = call.context().sender();
    RegistryStore.requireActiveCaller(state, caller);
    int reasonBytes = reason.getBytes(StandardCharsets.UTF_8).length;
    require(reasonBytes >= 1 && reasonBytes <= REASON_BYTES_MAX, RevertReason.INVALID_REASON);
    Invoice invoice = requireInvoice(state, id);
    require(invoice.seller().equals(caller), RevertReason.NOT_SELLER);
    require(invoice.status() != Invoice.PAID, RevertReason.ALREADY_PAID);
    require(invoice.status() != Invoice.CANCELLED, RevertReason.INVOICE_CANCELLED);
    require(invoice.creditedNetAmount() == 0, RevertReason.INVOICE_HAS_CREDIT_NOTES);
    InvoiceStore.put(state, invoice.withStatus(Invoice.CANCELLED));
    if (invoice.isCreditNote()) {
      Invoice original = requireInvoice(state, invoice.originalId());
      InvoiceStore.put(
          state,
          original.withCreditedNetAmount(original.creditedNetAmount() - invoice.netAmount()));
    }
    Bytes data = new AbiWriter(1).string(reason).toBytes();
    call.emit(Events.log(TAX_INVOICES, INVOICE_CANCELLED, data, id));
    return Bytes.EMPTY;
  }

  private static Bytes getInvoice(Invocation call) {
    AbiReader args = call.arguments(1);
    Hash id = args.bytes32();
    args.end();
    return InvoiceStore.encode(requireInvoice(call.state(), id));
  }

  private static Bytes invoiceId(Invocation call) {
    AbiReader args = call.arguments(2);
    String sellerTaxId = args.string();
    String number = args.string();
    args.end();
    return new AbiWriter(1).bytes32(InvoiceStore.invoiceId(sellerTaxId, number)).toBytes();
  }

  /** The caller, registered, not frozen and holding a tax id. */
  static RegistryAccount requireTaxpayer(Invocation call) {
    RegistryAccount caller =
        RegistryStore.requireActiveCaller(call.state(), call.context().sender());
    require(caller.isTaxpayer(), RevertReason.NOT_TAXPAYER);
    return caller;
  }

  static Invoice requireInvoice(StateChanges state, Hash id) {
    return InvoiceStore.invoice(state, id)
        .orElseThrow(() -> new ContractRevert(RevertReason.UNKNOWN_INVOICE));
  }

  /** Net, tax and their sum fit a long, and net is positive. */
  static void requireAmounts(long net, long tax) {
    require(
        net != AbiReader.OUT_OF_RANGE
            && tax != AbiReader.OUT_OF_RANGE
            && net <= Long.MAX_VALUE - tax,
        RevertReason.AMOUNT_OUT_OF_RANGE);
    Token.requireAmount(net);
  }

  /** An invoice number is 1..64 printable ASCII characters. */
  static boolean isValidNumber(String number) {
    if (number.isEmpty() || number.length() > NUMBER_CHARS_MAX) {
      return false;
    }
    for (int i = 0; i < number.length(); i++) {
      char c = number.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code |tax − net × rate / 10000| ≤ 1} with truncating division. The product can pass 64 bits,
   * so it is split: net = q·10000 + r gives net·rate/10000 = q·rate + r·rate/10000 exactly.
   */
  static boolean taxMatches(long net, long tax, int taxRateBp) {
    long expected =
        (net / TAX_RATE_BP_MAX) * taxRateBp + (net % TAX_RATE_BP_MAX) * taxRateBp / TAX_RATE_BP_MAX;
    long difference = tax - expected;
    return difference >= -1 && difference <= 1;
  }
}
