package io.fiscus.index;

import io.fiscus.abi.AbiReader;
import io.fiscus.block.Log;
import io.fiscus.block.TransactionOutcome;
import io.fiscus.chain.BlockIndexer;
import io.fiscus.chain.CommittedBlock;
import io.fiscus.contracts.invoices.Invoice;
import io.fiscus.contracts.invoices.InvoiceStore;
import io.fiscus.contracts.system.SystemAddresses;
import io.fiscus.crypto.Keccak;
import io.fiscus.state.StateView;
import io.fiscus.storage.Column;
import io.fiscus.storage.WriteBatch;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.SequencedSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes the account-history, invoice and ledger-record indexes of a committed block into the
 * block's own batch, from its successful receipts' logs (reverted calls emit none). Layouts: {@link
 * HistoryRows}, {@link InvoiceRows}, {@link RecordRows}, and {@code docs/storage-indexes.md}.
 *
 * <p>Invoices are read from the {@code after} state, once per block per invoice touched, so an
 * invoice issued and paid in the same block gets one consistent set of rows; rows the invoice had
 * {@code before} and no longer has (its old status row) are deleted. Record payloads come from the
 * transaction's own call data, checked against the event's payload hash.
 */
public final class ChainIndexer implements BlockIndexer {

  @Override
  public void index(CommittedBlock block, StateView before, StateView after, WriteBatch batch) {
    long timestamp = block.block().header().timestamp();
    SequencedSet<Hash> touchedInvoices = new LinkedHashSet<>();
    for (int txIndex = 0; txIndex < block.transactions().size(); txIndex++) {
      TransactionOutcome outcome = block.outcomes().get(txIndex);
      if (!outcome.receipt().success()) {
        continue;
      }
      SignedTransaction transaction = block.transactions().get(txIndex);
      List<Log> logs = outcome.receipt().logs();
      indexTransfers(block.number(), txIndex, timestamp, transaction.hash(), logs, batch);
      for (int logIndex = 0; logIndex < logs.size(); logIndex++) {
        Log log = logs.get(logIndex);
        collectInvoices(log, after, touchedInvoices);
        if (is(log, SystemAddresses.LEDGER_RECORDS, ContractEvents.RECORD_WRITTEN)) {
          indexRecord(new LogPosition(block.number(), txIndex, logIndex), transaction, log, batch);
        }
      }
    }
    for (Hash id : touchedInvoices) {
      indexInvoice(id, before, after, batch);
    }
  }

  private static void indexTransfers(
      long blockNumber,
      int txIndex,
      long timestamp,
      Hash transactionHash,
      List<Log> logs,
      WriteBatch batch) {
    boolean paysInvoice =
        logs.stream()
            .anyMatch(log -> is(log, SystemAddresses.TAX_INVOICES, ContractEvents.INVOICE_PAID));
    // A transaction calls one function, so it carries at most one payment reference.
    Optional<Hash> reference =
        logs.stream()
            .filter(log -> is(log, SystemAddresses.TOKEN, ContractEvents.PAYMENT_REFERENCE))
            .findFirst()
            .map(log -> log.topics().get(3));
    for (int logIndex = 0; logIndex < logs.size(); logIndex++) {
      Log log = logs.get(logIndex);
      if (!is(log, SystemAddresses.TOKEN, ContractEvents.TRANSFER)) {
        continue;
      }
      Address from = ContractEvents.address(log.topics().get(1));
      Address to = ContractEvents.address(log.topics().get(2));
      HistoryKind kind;
      if (from.equals(Address.ZERO)) {
        kind = HistoryKind.ISSUE;
      } else if (to.equals(Address.ZERO)) {
        kind = HistoryKind.REDEEM;
      } else if (paysInvoice) {
        kind = HistoryKind.INVOICE_PAYMENT;
      } else {
        kind = HistoryKind.TRANSFER;
      }
      HistoryEntry entry =
          new HistoryEntry(
              transactionHash, blockNumber, timestamp, kind, from, to, amount(log), reference);
      LogPosition position = new LogPosition(blockNumber, txIndex, logIndex);
      byte[] value = HistoryRows.value(entry);
      // A self-transfer is one movement: one row, not two under the same key.
      Set<Address> parties = new TreeSet<>(List.of(from, to));
      parties.remove(Address.ZERO);
      for (Address party : parties) {
        batch.put(Column.ACCOUNT_HISTORY, HistoryRows.key(party, position), value);
      }
    }
  }

  private static long amount(Log log) {
    AbiReader data = AbiReader.ofTuple(log.data(), 1);
    long amount = data.amount();
    data.end();
    if (amount == AbiReader.OUT_OF_RANGE) {
      throw new IllegalStateException("a Transfer above 2^63-1 cannot have been emitted");
    }
    return amount;
  }

  private static void collectInvoices(Log log, StateView after, Set<Hash> touched) {
    if (!log.address().equals(SystemAddresses.TAX_INVOICES) || log.topics().isEmpty()) {
      return;
    }
    Hash topic0 = log.topics().get(0);
    if (topic0.equals(ContractEvents.INVOICE_ISSUED)
        || topic0.equals(ContractEvents.INVOICE_PAID)) {
      touched.add(log.topics().get(1));
    } else if (topic0.equals(ContractEvents.CREDIT_NOTE_ISSUED)) {
      // The original's credited net amount changed too.
      touched.add(log.topics().get(1));
      touched.add(log.topics().get(2));
    } else if (topic0.equals(ContractEvents.INVOICE_CANCELLED)) {
      Hash id = log.topics().get(1);
      touched.add(id);
      // A cancelled credit note gives its net back to its original.
      Invoice cancelled = requireInvoice(after, id);
      if (cancelled.isCreditNote()) {
        touched.add(cancelled.originalId());
      }
    }
  }

  private static void indexInvoice(Hash id, StateView before, StateView after, WriteBatch batch) {
    Invoice now = requireInvoice(after, id);
    List<byte[]> keys = InvoiceRows.keys(now);
    Optional<Invoice> previous = InvoiceStore.invoice(before, id);
    if (previous.isPresent()) {
      Set<Bytes> current = new TreeSet<>();
      keys.forEach(key -> current.add(Bytes.wrap(key)));
      for (byte[] oldKey : InvoiceRows.keys(previous.get())) {
        if (!current.contains(Bytes.wrap(oldKey))) {
          batch.delete(Column.INVOICES, oldKey);
        }
      }
    }
    byte[] value = InvoiceRows.value(now);
    for (byte[] key : keys) {
      batch.put(Column.INVOICES, key, value);
    }
  }

  private static Invoice requireInvoice(StateView state, Hash id) {
    return InvoiceStore.invoice(state, id)
        .orElseThrow(() -> new IllegalStateException("invoice event without invoice " + id));
  }

  private static void indexRecord(
      LogPosition position, SignedTransaction transaction, Log log, WriteBatch batch) {
    AbiReader data = AbiReader.ofTuple(log.data(), 2);
    long version = data.uint64();
    Hash payloadHash = data.bytes32();
    data.end();
    RecordRows.Header header =
        new RecordRows.Header(
            ContractEvents.address(log.topics().get(1)),
            log.topics().get(2),
            log.topics().get(3),
            version,
            position,
            transaction.hash());
    Bytes payload = payloadOf(transaction, payloadHash);
    batch.put(
        Column.RECORDS,
        RecordRows.positionKey(position),
        RecordRows.positionValue(header, payload));
    byte[] headerValue = RecordRows.header(header);
    for (byte[] key : RecordRows.secondaryKeys(header)) {
      batch.put(Column.RECORDS, key, headerValue);
    }
  }

  /** {@code record(kind, key, payload)} is the only call that writes a record. */
  private static Bytes payloadOf(SignedTransaction transaction, Hash payloadHash) {
    AbiReader call = AbiReader.ofCall(transaction.data(), 3);
    call.bytes32();
    call.bytes32();
    Bytes payload = call.bytes();
    call.end();
    if (!Keccak.hash(payload).equals(payloadHash)) {
      throw new IllegalStateException(
          "RecordWritten in " + transaction.hash() + " does not match its call's payload");
    }
    return payload;
  }

  private static boolean is(Log log, Address contract, Hash topic0) {
    return log.address().equals(contract)
        && !log.topics().isEmpty()
        && log.topics().get(0).equals(topic0);
  }
}
