package io.fiscus.state;

import io.fiscus.rlp.Rlp;
import io.fiscus.rlp.RlpException;
import io.fiscus.rlp.RlpReader;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.math.BigInteger;

/** The account trie's value: RLP[nonce, balance, storageRoot, codeHash], as in Ethereum. */
public final class StateAccountCodec {
  private static final int BALANCE_BYTES_MAX = 32;

  private StateAccountCodec() {}

  public static Bytes encode(StateAccount account) {
    return Bytes.wrap(
        Rlp.list(
            Rlp.uint(account.nonce()),
            Rlp.uint(0),
            Rlp.string(account.storageRoot().bytes()),
            Rlp.string(StateAccount.CODE_HASH.bytes())));
  }

  /**
   * Decodes an account; rejects a malformed encoding, a non-zero balance and a code hash other than
   * {@link StateAccount#CODE_HASH}, none of which Fiscus ever writes.
   */
  public static StateAccount decode(Bytes encoded) {
    RlpReader outer = RlpReader.of(encoded);
    RlpReader fields = outer.enterList();
    outer.requireEnd();
    long nonce = fields.readLong();
    BigInteger balance = fields.readUInt(BALANCE_BYTES_MAX);
    Hash storageRoot = fields.readHash();
    Hash codeHash = fields.readHash();
    fields.requireEnd();
    if (balance.signum() != 0) {
      throw new RlpException("a Fiscus account has no balance, found " + balance);
    }
    if (!codeHash.equals(StateAccount.CODE_HASH)) {
      throw new RlpException("a Fiscus account has no code, found code hash " + codeHash);
    }
    return new StateAccount(nonce, storageRoot);
  }
}
