package io.fiscus.state;

import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.Optional;

/**
 * Read access to the world state: each account's nonce and each system contract's storage, a map
 * from 32-byte slot keys to byte values. Reads are flat lookups; the trie is only for commitments.
 */
public interface StateView {
  long nonce(Address account);

  Optional<Bytes> storage(Address contract, Hash slot);
}
