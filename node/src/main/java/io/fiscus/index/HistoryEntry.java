package io.fiscus.index;

import io.fiscus.types.Address;
import io.fiscus.types.Hash;
import java.util.Optional;

/**
 * One movement of money touching an account. Issues have {@code from} 0x0, redemptions {@code to}
 * 0x0; {@code amount} is in minor units.
 */
public record HistoryEntry(
    Hash transactionHash,
    long blockNumber,
    long timestampSeconds,
    HistoryKind kind,
    Address from,
    Address to,
    long amount,
    Optional<Hash> reference) {}
