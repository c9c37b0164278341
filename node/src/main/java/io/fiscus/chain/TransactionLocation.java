package io.fiscus.chain;

import io.fiscus.types.Hash;

/** Where a committed transaction is: its block and its index in that block. */
public record TransactionLocation(Hash blockHash, long blockNumber, int index) {}
