package io.fiscus.state;

import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.List;
import java.util.Optional;

/**
 * What {@code eth_getProof} returns for one account: the account trie proof (root first), the
 * account's fields, and one storage proof per requested slot against {@link #storageHash()}. An
 * absent account has nonce 0, storage hash {@link Hash#EMPTY_TRIE} and a proof of absence.
 */
public record AccountProof(
    Address address,
    long nonce,
    Hash storageHash,
    Hash codeHash,
    List<Bytes> accountProof,
    List<StorageProof> storageProofs) {

  public AccountProof {
    accountProof = List.copyOf(accountProof);
    storageProofs = List.copyOf(storageProofs);
  }

  /** The balance {@code eth_getProof} reports: always zero, Fiscus money lives in storage. */
  public long balance() {
    return 0;
  }

  /**
   * A storage slot's value (empty if unset) and its proof in the account's storage trie, whose leaf
   * values are RLP strings of the stored bytes.
   */
  public record StorageProof(Hash slot, Optional<Bytes> value, List<Bytes> proof) {
    public StorageProof {
      proof = List.copyOf(proof);
    }
  }
}
