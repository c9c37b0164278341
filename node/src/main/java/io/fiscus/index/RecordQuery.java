package io.fiscus.index;

import io.fiscus.types.Address;
import io.fiscus.types.Hash;
import java.util.Optional;

/** {@code cbdc_getRecords}: ledger records matching every given filter, newest first. */
public record RecordQuery(
    Optional<Address> submitter,
    Optional<Hash> kind,
    Optional<Hash> key,
    Optional<String> cursor,
    int limit) {}
