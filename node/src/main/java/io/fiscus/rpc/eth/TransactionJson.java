package io.fiscus.rpc.eth;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fiscus.crypto.Signature;
import io.fiscus.rpc.Quantity;
import io.fiscus.tx.AccessListEntry;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.tx.TransactionType;
import io.fiscus.types.Address;
import io.fiscus.types.Hash;
import java.math.BigInteger;
import java.util.List;

/**
 * A transaction as {@code eth_getTransactionByHash} and full blocks show it (Web3j's {@code
 * Transaction}). A pending transaction has null block fields. EIP-1559 fields appear only on type 2
 * transactions; {@code gasPrice} is the effective price, which with a zero base fee is the priority
 * fee capped by the fee cap.
 */
public record TransactionJson(
    String blockHash,
    String blockNumber,
    String transactionIndex,
    String hash,
    String from,
    String to,
    String nonce,
    String gas,
    String gasPrice,
    @JsonInclude(JsonInclude.Include.NON_NULL) String maxFeePerGas,
    @JsonInclude(JsonInclude.Include.NON_NULL) String maxPriorityFeePerGas,
    String value,
    String input,
    String type,
    @JsonInclude(JsonInclude.Include.NON_NULL) String chainId,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<AccessListJson> accessList,
    String v,
    @JsonInclude(JsonInclude.Include.NON_NULL) String yParity,
    String r,
    String s) {
  private static final long EIP155_V_OFFSET = 35;
  private static final long PRE_EIP155_V_OFFSET = 27;

  /** An access list entry. */
  public record AccessListJson(String address, List<String> storageKeys) {}

  /** A transaction included at {@code index} in the block {@code blockHash}. */
  public static TransactionJson included(
      SignedTransaction transaction, Hash blockHash, long blockNumber, int index) {
    return of(transaction, blockHash.toHex(), Quantity.of(blockNumber), Quantity.of(index));
  }

  /** A transaction still in the pool. */
  public static TransactionJson pending(SignedTransaction transaction) {
    return of(transaction, null, null, null);
  }

  private static TransactionJson of(
      SignedTransaction tx, String blockHash, String blockNumber, String index) {
    boolean eip1559 = tx.type() == TransactionType.EIP_1559;
    Signature signature = tx.signature();
    BigInteger effectivePrice = tx.maxPriorityFeePerGas().min(tx.maxFeePerGas());
    return new TransactionJson(
        blockHash,
        blockNumber,
        index,
        tx.hash().toHex(),
        tx.sender().toHex(),
        tx.to().map(Address::toHex).orElse(null),
        Quantity.of(tx.nonce()),
        Quantity.of(tx.gasLimit()),
        hex(effectivePrice),
        eip1559 ? hex(tx.maxFeePerGas()) : null,
        eip1559 ? hex(tx.maxPriorityFeePerGas()) : null,
        hex(tx.value()),
        tx.data().toHex(),
        eip1559 ? "0x2" : Quantity.ZERO,
        tx.chainId().isPresent() ? Quantity.of(tx.chainId().getAsLong()) : null,
        eip1559 ? accessList(tx.accessList()) : null,
        Quantity.of(v(tx)),
        eip1559 ? Quantity.of(signature.recoveryId()) : null,
        hex(signature.r()),
        hex(signature.s()));
  }

  /** Legacy v is EIP-155's {@code chainId * 2 + 35 + recId} (27 + recId unprotected). */
  private static long v(SignedTransaction tx) {
    int recoveryId = tx.signature().recoveryId();
    if (tx.type() == TransactionType.EIP_1559) {
      return recoveryId;
    }
    return tx.chainId().isPresent()
        ? tx.chainId().getAsLong() * 2 + EIP155_V_OFFSET + recoveryId
        : PRE_EIP155_V_OFFSET + recoveryId;
  }

  private static List<AccessListJson> accessList(List<AccessListEntry> entries) {
    return entries.stream()
        .map(
            entry ->
                new AccessListJson(
                    entry.address().toHex(),
                    entry.storageKeys().stream().map(Hash::toHex).toList()))
        .toList();
  }

  static String hex(BigInteger value) {
    return "0x" + value.toString(16);
  }
}
