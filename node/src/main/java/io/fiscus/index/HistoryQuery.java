package io.fiscus.index;

import io.fiscus.types.Address;
import java.util.Optional;
import java.util.OptionalLong;

/** {@code cbdc_getAccountHistory}: newest first, blocks in {@code [fromBlock, toBlock]}. */
public record HistoryQuery(
    Address account,
    OptionalLong fromBlock,
    OptionalLong toBlock,
    Optional<String> cursor,
    int limit) {}
