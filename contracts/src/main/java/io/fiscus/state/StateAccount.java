package io.fiscus.state;

import io.fiscus.types.Hash;

/**
 * An account as the state trie commits to it. Fiscus accounts hold no ether and no EVM code, so the
 * Ethereum account's balance is always zero and its code hash always keccak256("") ({@link
 * Hash#EMPTY_DATA}), for user accounts and system contracts alike; a system contract differs only
 * in having storage.
 */
public record StateAccount(long nonce, Hash storageRoot) {
  /** The code hash of every Fiscus account: keccak256 of empty code. */
  public static final Hash CODE_HASH = Hash.EMPTY_DATA;

  public StateAccount {
    if (nonce < 0) {
      throw new IllegalArgumentException("nonce is negative: " + nonce);
    }
  }

  /** True if the account has neither a nonce nor storage, and so is absent from the trie. */
  public boolean isEmpty() {
    return nonce == 0 && storageRoot.equals(Hash.EMPTY_TRIE);
  }
}
