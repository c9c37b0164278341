package io.fiscus.tx;

import io.fiscus.crypto.Signature;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A decoded, signature-checked transaction with its recovered {@code sender}. {@code raw} is the
 * exact canonical encoding and {@code hash} is keccak256 of it (for a typed transaction, including
 * the type byte), as Ethereum clients report it. Legacy transactions carry their gas price in both
 * fee fields.
 */
public record SignedTransaction(
    TransactionType type,
    OptionalLong chainId,
    long nonce,
    BigInteger maxPriorityFeePerGas,
    BigInteger maxFeePerGas,
    long gasLimit,
    Optional<Address> to,
    BigInteger value,
    Bytes data,
    List<AccessListEntry> accessList,
    Signature signature,
    Address sender,
    Hash hash,
    Bytes raw) {

  public SignedTransaction {
    accessList = List.copyOf(accessList);
  }

  /** Joins signed fields with what the codec derived from them. */
  public static SignedTransaction of(
      UnsignedTransaction fields, Signature signature, Address sender, Hash hash, Bytes raw) {
    return new SignedTransaction(
        fields.type(),
        fields.chainId(),
        fields.nonce(),
        fields.maxPriorityFeePerGas(),
        fields.maxFeePerGas(),
        fields.gasLimit(),
        fields.to(),
        fields.value(),
        fields.data(),
        fields.accessList(),
        signature,
        sender,
        hash,
        raw);
  }

  /** The fields that were signed, without the signature and what derives from it. */
  public UnsignedTransaction unsigned() {
    return new UnsignedTransaction(
        type,
        chainId,
        nonce,
        maxPriorityFeePerGas,
        maxFeePerGas,
        gasLimit,
        to,
        value,
        data,
        accessList);
  }
}
