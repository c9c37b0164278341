package io.fiscus.client;

import io.fiscus.client.events.LedgerEvent;
import io.fiscus.client.events.LedgerEvents;
import io.fiscus.client.rpc.CbdcGetRecords;
import io.fiscus.client.rpc.LedgerRecord;
import io.fiscus.client.rpc.Page;
import io.fiscus.client.rpc.RecordQuery;
import io.fiscus.client.tx.TransactionSender;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * Signed records that are not money (the LedgerRecords contract at {@code 0x…cb03}): settlement
 * statements, attestation hashes, regulatory filings. A record is addressed by its submitter, a
 * 32-byte kind and a 32-byte key, and every write adds a version. Payloads are at most 4096 bytes.
 */
public final class LedgerClient {
  private static final String LEDGER_RECORDS = LedgerEvents.LEDGER_RECORDS;
  private static final int PAYLOAD_BYTES_MAX = 4096;

  private final ContractCalls contracts;

  /**
   * A client that reads and writes as the sender's account.
   *
   * @param sender the submitter
   */
  public LedgerClient(TransactionSender sender) {
    this.contracts = new ContractCalls(sender.fiscus(), Optional.of(sender));
  }

  /**
   * Reads through {@code reads} (e.g. with a reason on its tokens), sends through {@code sender}.
   */
  LedgerClient(Fiscus reads, TransactionSender sender) {
    this.contracts = new ContractCalls(reads, Optional.of(sender));
  }

  /**
   * A read-only client: {@link #write} throws {@link IllegalStateException}.
   *
   * @param fiscus the node
   */
  public LedgerClient(Fiscus fiscus) {
    this.contracts = new ContractCalls(fiscus, Optional.empty());
  }

  /**
   * A 32-byte kind or key from a name: its keccak-256 hash, e.g. {@code name("settlement")}.
   *
   * @param text the name
   * @return 32 bytes as {@code 0x} hex
   */
  public static String name(String text) {
    return Numeric.toHexString(Hash.sha3(text.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Writes the next version of a record.
   *
   * @param kind 32 bytes of hex, e.g. {@link #name(String)}
   * @param key 32 bytes of hex
   * @param payload at most 4096 bytes
   * @return the new version and the final result
   */
  public Call<WrittenRecord> write(String kind, String key, byte[] payload) {
    if (payload.length > PAYLOAD_BYTES_MAX) {
      throw new IllegalArgumentException(
          "a record payload is at most " + PAYLOAD_BYTES_MAX + " bytes, got " + payload.length);
    }
    return contracts
        .execute(LEDGER_RECORDS, contracts.records.record(bytes32(kind), bytes32(key), payload))
        .map(
            result -> {
              LedgerEvent.RecordWritten written =
                  result
                      .event(LedgerEvent.RecordWritten.class)
                      .orElseThrow(
                          () ->
                              new UnexpectedResponseException(
                                  "transaction " + result.transactionHash() + " wrote no record"));
              return new WrittenRecord(written.version(), written.payloadHash(), result);
            });
  }

  /**
   * The latest version of a record.
   *
   * @param submitter the account that wrote it
   * @param kind 32 bytes of hex
   * @param key 32 bytes of hex
   * @return the record, empty if it was never written
   */
  public Call<Optional<StoredRecord>> latest(String submitter, String kind, String key) {
    return contracts
        .view(LEDGER_RECORDS, contracts.records.latest(submitter, bytes32(kind), bytes32(key)))
        .map(LedgerClient::stored);
  }

  /**
   * One version of a record.
   *
   * @param submitter the account that wrote it
   * @param kind 32 bytes of hex
   * @param key 32 bytes of hex
   * @param version from 1
   * @return the record, empty if there is no such version
   */
  public Call<Optional<StoredRecord>> at(String submitter, String kind, String key, long version) {
    if (version < 1) {
      return Call.completed(Optional.empty());
    }
    Call<Optional<StoredRecord>> lookup =
        contracts
            .view(
                LEDGER_RECORDS,
                contracts.records.recordAt(
                    submitter, bytes32(kind), bytes32(key), BigInteger.valueOf(version)))
            .map(LedgerClient::stored);
    return Call.of(
        () ->
            lookup
                .sendAsync()
                .exceptionallyCompose(
                    failure ->
                        Call.unwrap(failure) instanceof CallRevertedException reverted
                                && reverted.reason().equals("no record")
                            ? CompletableFuture.completedFuture(Optional.empty())
                            : CompletableFuture.failedFuture(Call.unwrap(failure))));
  }

  /**
   * One page of records ({@code cbdc_getRecords}).
   *
   * @param query the filter, page size and cursor
   * @return the page, newest first
   */
  public Call<Page<LedgerRecord>> page(RecordQuery query) {
    return Call.of(contracts.fiscus.cbdcGetRecords(query)).map(CbdcGetRecords::getPage);
  }

  /**
   * Every record version matching a query, fetched page by page as the caller iterates.
   *
   * @param query the filter and page size
   * @return the records, newest first
   */
  public Paginated<LedgerRecord> records(RecordQuery query) {
    return new Paginated<>(
        cursor -> page(cursor.isPresent() ? query.withCursor(cursor.get()) : query));
  }

  private static Optional<StoredRecord> stored(List<Object> outputs) {
    long version = ContractCalls.output(outputs, 0, BigInteger.class).longValueExact();
    if (version == 0) {
      return Optional.empty();
    }
    return Optional.of(
        new StoredRecord(
            version,
            Numeric.toHexString(ContractCalls.output(outputs, 1, byte[].class)),
            ContractCalls.output(outputs, 2, BigInteger.class).longValueExact()));
  }

  private static byte[] bytes32(String hex) {
    byte[] bytes = Numeric.hexStringToByteArray(hex);
    if (bytes.length != 32) {
      throw new IllegalArgumentException("a record kind or key is 32 bytes: " + hex);
    }
    return bytes;
  }
}
