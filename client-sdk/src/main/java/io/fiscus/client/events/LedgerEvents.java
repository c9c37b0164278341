package io.fiscus.client.events;

import io.fiscus.client.Amount;
import io.fiscus.client.InvoiceId;
import io.fiscus.client.Role;
import io.fiscus.client.TaxId;
import io.fiscus.client.UnexpectedResponseException;
import io.fiscus.client.contracts.LedgerRecords;
import io.fiscus.client.contracts.Registry;
import io.fiscus.client.contracts.TaxInvoices;
import io.fiscus.client.contracts.Token;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.datatypes.Event;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Decodes the system contracts' logs into {@link LedgerEvent}s, by emitting address and topic 0,
 * with the generated wrappers' decoders. A log of another address or an unknown event is skipped.
 */
public final class LedgerEvents {
  /** Registry's address. */
  public static final String REGISTRY = "0x000000000000000000000000000000000000cb00";

  /** Token's address. */
  public static final String TOKEN = "0x000000000000000000000000000000000000cb01";

  /** TaxInvoices' address. */
  public static final String TAX_INVOICES = "0x000000000000000000000000000000000000cb02";

  /** LedgerRecords' address. */
  public static final String LEDGER_RECORDS = "0x000000000000000000000000000000000000cb03";

  private record Decoder(String address, Function<Log, LedgerEvent> decode) {}

  private static final Map<String, Decoder> BY_TOPIC =
      Map.ofEntries(
          entry(REGISTRY, Registry.ROLEGRANTED_EVENT, LedgerEvents::roleGranted),
          entry(REGISTRY, Registry.ROLEREVOKED_EVENT, LedgerEvents::roleRevoked),
          entry(REGISTRY, Registry.ACCOUNTREGISTERED_EVENT, LedgerEvents::accountRegistered),
          entry(REGISTRY, Registry.TIERCHANGED_EVENT, LedgerEvents::tierChanged),
          entry(REGISTRY, Registry.ACCOUNTFROZEN_EVENT, LedgerEvents::accountFrozen),
          entry(REGISTRY, Registry.ACCOUNTUNFROZEN_EVENT, LedgerEvents::accountUnfrozen),
          entry(REGISTRY, Registry.TAXPAYERREGISTERED_EVENT, LedgerEvents::taxpayerRegistered),
          entry(REGISTRY, Registry.TIERLIMITSCHANGED_EVENT, LedgerEvents::tierLimitsChanged),
          entry(TOKEN, Token.TRANSFER_EVENT, LedgerEvents::transfer),
          entry(TOKEN, Token.APPROVAL_EVENT, LedgerEvents::approval),
          entry(TOKEN, Token.ISSUED_EVENT, LedgerEvents::issued),
          entry(TOKEN, Token.REDEEMED_EVENT, LedgerEvents::redeemed),
          entry(TOKEN, Token.PAYMENTREFERENCE_EVENT, LedgerEvents::paymentReference),
          entry(TAX_INVOICES, TaxInvoices.INVOICEISSUED_EVENT, LedgerEvents::invoiceIssued),
          entry(TAX_INVOICES, TaxInvoices.INVOICEPAID_EVENT, LedgerEvents::invoicePaid),
          entry(TAX_INVOICES, TaxInvoices.INVOICECANCELLED_EVENT, LedgerEvents::invoiceCancelled),
          entry(TAX_INVOICES, TaxInvoices.CREDITNOTEISSUED_EVENT, LedgerEvents::creditNoteIssued),
          entry(LEDGER_RECORDS, LedgerRecords.RECORDWRITTEN_EVENT, LedgerEvents::recordWritten));

  private LedgerEvents() {}

  /**
   * Topic 0 of a system contract event, for log filters.
   *
   * @param event the wrapper's event definition, e.g. {@code Token.TRANSFER_EVENT}
   * @return the event signature's keccak-256 hash, hex
   */
  public static String topic(Event event) {
    return EventEncoder.encode(event);
  }

  /**
   * The events in a receipt's logs, in log order.
   *
   * @param receipt a transaction receipt
   * @return the system contracts' events it carries
   */
  public static List<LedgerEvent> decode(TransactionReceipt receipt) {
    List<LedgerEvent> events = new ArrayList<>();
    for (Log log : receipt.getLogs()) {
      decode(log).ifPresent(events::add);
    }
    return List.copyOf(events);
  }

  /**
   * One log as an event.
   *
   * @param log a log
   * @return the event, empty if the log is not a known event of a system contract
   * @throws UnexpectedResponseException if a known event's data does not decode
   */
  public static Optional<LedgerEvent> decode(Log log) {
    if (log.getTopics() == null || log.getTopics().isEmpty() || log.getAddress() == null) {
      return Optional.empty();
    }
    Decoder decoder = BY_TOPIC.get(log.getTopics().get(0).toLowerCase(Locale.ROOT));
    if (decoder == null || !decoder.address().equalsIgnoreCase(log.getAddress())) {
      return Optional.empty();
    }
    try {
      return Optional.of(decoder.decode().apply(log));
    } catch (RuntimeException malformed) {
      throw new UnexpectedResponseException("log does not decode: " + log, malformed);
    }
  }

  private static Map.Entry<String, Decoder> entry(
      String address, Event event, Function<Log, LedgerEvent> decode) {
    return Map.entry(topic(event), new Decoder(address, decode));
  }

  private static LedgerEvent roleGranted(Log log) {
    var e = Registry.getRoleGrantedEventFromLog(log);
    return new LedgerEvent.RoleGranted(address(e.account), role(e.role), address(e.by));
  }

  private static LedgerEvent roleRevoked(Log log) {
    var e = Registry.getRoleRevokedEventFromLog(log);
    return new LedgerEvent.RoleRevoked(address(e.account), role(e.role), address(e.by));
  }

  private static LedgerEvent accountRegistered(Log log) {
    var e = Registry.getAccountRegisteredEventFromLog(log);
    return new LedgerEvent.AccountRegistered(
        address(e.account), address(e.bank), e.tier.intValueExact());
  }

  private static LedgerEvent tierChanged(Log log) {
    var e = Registry.getTierChangedEventFromLog(log);
    return new LedgerEvent.TierChanged(address(e.account), e.tier.intValueExact());
  }

  private static LedgerEvent accountFrozen(Log log) {
    var e = Registry.getAccountFrozenEventFromLog(log);
    return new LedgerEvent.AccountFrozen(address(e.account), e.reason);
  }

  private static LedgerEvent accountUnfrozen(Log log) {
    return new LedgerEvent.AccountUnfrozen(
        address(Registry.getAccountUnfrozenEventFromLog(log).account));
  }

  private static LedgerEvent taxpayerRegistered(Log log) {
    var e = Registry.getTaxpayerRegisteredEventFromLog(log);
    return new LedgerEvent.TaxpayerRegistered(address(e.account), new TaxId(e.taxId));
  }

  private static LedgerEvent tierLimitsChanged(Log log) {
    var e = Registry.getTierLimitsChangedEventFromLog(log);
    return new LedgerEvent.TierLimitsChanged(
        e.tier.intValueExact(),
        Amount.of(e.maxBalance),
        Amount.of(e.maxTransfer),
        Amount.of(e.dailyOutLimit));
  }

  private static LedgerEvent transfer(Log log) {
    var e = Token.getTransferEventFromLog(log);
    return new LedgerEvent.Transfer(address(e.from), address(e.to), Amount.of(e.value));
  }

  private static LedgerEvent approval(Log log) {
    var e = Token.getApprovalEventFromLog(log);
    return new LedgerEvent.Approval(address(e.owner), address(e.spender), Amount.of(e.value));
  }

  private static LedgerEvent issued(Log log) {
    var e = Token.getIssuedEventFromLog(log);
    return new LedgerEvent.Issued(address(e.bank), Amount.of(e.amount));
  }

  private static LedgerEvent redeemed(Log log) {
    var e = Token.getRedeemedEventFromLog(log);
    return new LedgerEvent.Redeemed(address(e.bank), Amount.of(e.amount));
  }

  private static LedgerEvent paymentReference(Log log) {
    var e = Token.getPaymentReferenceEventFromLog(log);
    return new LedgerEvent.PaymentReference(
        address(e.from), address(e.to), Amount.of(e.amount), hex(e.paymentReference));
  }

  private static LedgerEvent invoiceIssued(Log log) {
    var e = TaxInvoices.getInvoiceIssuedEventFromLog(log);
    return new LedgerEvent.InvoiceIssued(
        InvoiceId.fromBytes(e.id),
        address(e.seller),
        address(e.buyer),
        Amount.of(e.netAmount),
        Amount.of(e.taxAmount),
        Instant.ofEpochSecond(e.issueDate.longValueExact()));
  }

  private static LedgerEvent invoicePaid(Log log) {
    var e = TaxInvoices.getInvoicePaidEventFromLog(log);
    return new LedgerEvent.InvoicePaid(
        InvoiceId.fromBytes(e.id), address(e.payer), Amount.of(e.amount));
  }

  private static LedgerEvent invoiceCancelled(Log log) {
    var e = TaxInvoices.getInvoiceCancelledEventFromLog(log);
    return new LedgerEvent.InvoiceCancelled(InvoiceId.fromBytes(e.id), e.reason);
  }

  private static LedgerEvent creditNoteIssued(Log log) {
    var e = TaxInvoices.getCreditNoteIssuedEventFromLog(log);
    return new LedgerEvent.CreditNoteIssued(
        InvoiceId.fromBytes(e.id),
        InvoiceId.fromBytes(e.originalId),
        Amount.of(e.netAmount),
        Amount.of(e.taxAmount));
  }

  private static LedgerEvent recordWritten(Log log) {
    var e = LedgerRecords.getRecordWrittenEventFromLog(log);
    return new LedgerEvent.RecordWritten(
        address(e.submitter),
        hex(e.kind),
        hex(e.key),
        e.version.longValueExact(),
        hex(e.payloadHash));
  }

  private static String address(String address) {
    return address.toLowerCase(Locale.ROOT);
  }

  private static String hex(byte[] bytes) {
    return Numeric.toHexString(bytes);
  }

  private static Role role(BigInteger bit) {
    int value = bit.intValueExact();
    for (Role role : Role.values()) {
      if (role.bit() == value) {
        return role;
      }
    }
    throw new UnexpectedResponseException("not a single role bit: " + value);
  }
}
