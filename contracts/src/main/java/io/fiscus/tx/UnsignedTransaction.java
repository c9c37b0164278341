package io.fiscus.tx;

import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The fields a sender signs. A legacy transaction has one gas price, held in both fee fields, and
 * no access list; its chain id is empty only when it lacks EIP-155 replay protection. Constructing
 * an impossible transaction is a programming error ({@link IllegalArgumentException}); untrusted
 * bytes go through {@link TransactionCodec#decode} instead.
 */
public record UnsignedTransaction(
    TransactionType type,
    OptionalLong chainId,
    long nonce,
    BigInteger maxPriorityFeePerGas,
    BigInteger maxFeePerGas,
    long gasLimit,
    Optional<Address> to,
    BigInteger value,
    Bytes data,
    List<AccessListEntry> accessList) {

  static final int UINT256_BITS = 256;

  public UnsignedTransaction {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(data, "data");
    accessList = List.copyOf(accessList);
    if (chainId.isPresent() && chainId.getAsLong() < 0) {
      throw new IllegalArgumentException("chain id must not be negative");
    }
    if (nonce < 0 || gasLimit < 0) {
      throw new IllegalArgumentException("nonce and gas limit must not be negative");
    }
    requireUint256(maxPriorityFeePerGas, "maxPriorityFeePerGas");
    requireUint256(maxFeePerGas, "maxFeePerGas");
    requireUint256(value, "value");
    if (type == TransactionType.EIP_1559 && chainId.isEmpty()) {
      throw new IllegalArgumentException("an EIP-1559 transaction always names its chain");
    }
    if (type == TransactionType.LEGACY
        && (!maxPriorityFeePerGas.equals(maxFeePerGas) || !accessList.isEmpty())) {
      throw new IllegalArgumentException("a legacy transaction has one gas price, no access list");
    }
  }

  /** An EIP-1559 (type 0x02) transaction. */
  public static UnsignedTransaction eip1559(
      long chainId,
      long nonce,
      BigInteger maxPriorityFeePerGas,
      BigInteger maxFeePerGas,
      long gasLimit,
      Optional<Address> to,
      BigInteger value,
      Bytes data,
      List<AccessListEntry> accessList) {
    return new UnsignedTransaction(
        TransactionType.EIP_1559,
        OptionalLong.of(chainId),
        nonce,
        maxPriorityFeePerGas,
        maxFeePerGas,
        gasLimit,
        to,
        value,
        data,
        accessList);
  }

  /** A legacy transaction; an empty {@code chainId} means no EIP-155 protection. */
  public static UnsignedTransaction legacy(
      OptionalLong chainId,
      long nonce,
      BigInteger gasPrice,
      long gasLimit,
      Optional<Address> to,
      BigInteger value,
      Bytes data) {
    return new UnsignedTransaction(
        TransactionType.LEGACY,
        chainId,
        nonce,
        gasPrice,
        gasPrice,
        gasLimit,
        to,
        value,
        data,
        List.of());
  }

  private static void requireUint256(BigInteger amount, String name) {
    if (amount.signum() < 0 || amount.bitLength() > UINT256_BITS) {
      throw new IllegalArgumentException(name + " must be an unsigned 256-bit integer");
    }
  }
}
