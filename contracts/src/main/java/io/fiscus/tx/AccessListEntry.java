package io.fiscus.tx;

import io.fiscus.types.Address;
import io.fiscus.types.Hash;
import java.util.List;

/** One EIP-2930 access list entry: an address and the storage keys it pre-declares. */
public record AccessListEntry(Address address, List<Hash> storageKeys) {
  public AccessListEntry {
    storageKeys = List.copyOf(storageKeys);
  }
}
