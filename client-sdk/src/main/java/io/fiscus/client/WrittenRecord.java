package io.fiscus.client;

import io.fiscus.client.tx.TransactionResult;

/**
 * A record the ledger stored.
 *
 * @param version its version under (submitter, kind, key)
 * @param payloadHash keccak-256 of the payload, {@code 0x} hex
 * @param result the final transaction, with the {@code RecordWritten} event
 */
public record WrittenRecord(long version, String payloadHash, TransactionResult result) {}
