package io.fiscus.testchain;

import io.fiscus.crypto.PrivateKey;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.tx.TransactionSigner;
import io.fiscus.tx.UnsignedTransaction;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/** Signed EIP-1559 transactions as the tests send them: no fees, no value, no access list. */
public final class SignedCalls {
  private static final TransactionSigner SIGNER = TransactionSigner.withDefaultSigner();

  private SignedCalls() {}

  /** A call of {@code to} with {@code data} (a contract creation when {@code to} is empty). */
  public static SignedTransaction sign(
      PrivateKey key, long chainId, long nonce, long gasLimit, Optional<Address> to, Bytes data) {
    return SIGNER.sign(
        UnsignedTransaction.eip1559(
            chainId,
            nonce,
            BigInteger.ZERO,
            BigInteger.ZERO,
            gasLimit,
            to,
            BigInteger.ZERO,
            data,
            List.of()),
        key);
  }
}
