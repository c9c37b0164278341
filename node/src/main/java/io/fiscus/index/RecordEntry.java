package io.fiscus.index;

import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;

/** One version of a ledger record, with where it was written. */
public record RecordEntry(
    Address submitter,
    Hash kind,
    Hash key,
    long version,
    Bytes payload,
    long blockNumber,
    Hash transactionHash) {}
