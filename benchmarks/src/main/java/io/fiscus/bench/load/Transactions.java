package io.fiscus.bench.load;

import io.fiscus.abi.AbiSignatures;
import io.fiscus.abi.AbiWriter;
import io.fiscus.contracts.SystemContracts;
import io.fiscus.contracts.system.SystemAddresses;
import io.fiscus.crypto.Keccak;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.crypto.Signature;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.tx.TransactionCodec;
import io.fiscus.tx.TransactionSigner;
import io.fiscus.tx.UnsignedTransaction;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * Signs the calls the benchmark makes as EIP-1559 transactions with zero fees and a gas limit of
 * exactly the call's fixed cost, as the contracts module computes it.
 */
public final class Transactions {
  private static final Bytes TRANSFER = selector("transfer(address,uint256)");
  private static final Bytes MINT = selector("mint(address,uint256)");
  private static final Bytes REGISTER_ACCOUNT = selector("registerAccount(address,uint8)");
  private static final Bytes SET_TIER_LIMITS =
      selector("setTierLimits(uint8,uint256,uint256,uint256)");

  private final long chainId;
  private final TransactionSigner signer = TransactionSigner.withDefaultSigner();
  private final SystemContracts contracts = new SystemContracts();

  public Transactions(long chainId) {
    this.chainId = chainId;
  }

  public SignedTransaction transfer(PrivateKey from, long nonce, Address to, long amount) {
    return sign(
        from,
        nonce,
        SystemAddresses.TOKEN,
        TRANSFER.concat(new AbiWriter(2).address(to).uint(amount).toBytes()));
  }

  public SignedTransaction mint(PrivateKey centralBank, long nonce, Address bank, long amount) {
    return sign(
        centralBank,
        nonce,
        SystemAddresses.TOKEN,
        MINT.concat(new AbiWriter(2).address(bank).uint(amount).toBytes()));
  }

  public SignedTransaction registerAccount(PrivateKey bank, long nonce, Address account, int tier) {
    return sign(
        bank,
        nonce,
        SystemAddresses.REGISTRY,
        REGISTER_ACCOUNT.concat(new AbiWriter(2).address(account).uint(tier).toBytes()));
  }

  /** Limits of 0 mean unlimited. */
  public SignedTransaction setTierLimits(
      PrivateKey centralBank,
      long nonce,
      int tier,
      long maxBalance,
      long maxTransfer,
      long dailyOutLimit) {
    return sign(
        centralBank,
        nonce,
        SystemAddresses.REGISTRY,
        SET_TIER_LIMITS.concat(
            new AbiWriter(4)
                .uint(tier)
                .uint(maxBalance)
                .uint(maxTransfer)
                .uint(dailyOutLimit)
                .toBytes()));
  }

  /** A signed transaction's wire bytes and hash, all the load generator needs of it. */
  public record RawTransaction(Bytes raw, Hash hash) {}

  /**
   * A transfer signed without deriving the sender's public key (the benchmark knows its senders),
   * which halves the cost of pre-signing a run.
   */
  public RawTransaction rawTransfer(PrivateKey from, long nonce, Address to, long amount) {
    Bytes data = TRANSFER.concat(new AbiWriter(2).address(to).uint(amount).toBytes());
    UnsignedTransaction unsigned = unsigned(nonce, SystemAddresses.TOKEN, data);
    Signature signature = Secp256k1.signer().sign(TransactionCodec.signingHash(unsigned), from);
    Bytes raw = TransactionCodec.encode(unsigned, signature);
    return new RawTransaction(raw, Keccak.hash(raw));
  }

  /** The fixed gas of a transfer: what every load transaction's gas limit is set to. */
  public long transferGas() {
    return contracts.gasCost(
        SystemAddresses.TOKEN,
        TRANSFER.concat(new AbiWriter(2).address(Address.ZERO).uint(1).toBytes()));
  }

  private SignedTransaction sign(PrivateKey key, long nonce, Address to, Bytes data) {
    return signer.sign(unsigned(nonce, to, data), key);
  }

  private UnsignedTransaction unsigned(long nonce, Address to, Bytes data) {
    return UnsignedTransaction.eip1559(
        chainId,
        nonce,
        BigInteger.ZERO,
        BigInteger.ZERO,
        contracts.gasCost(to, data),
        Optional.of(to),
        BigInteger.ZERO,
        data,
        List.of());
  }

  private static Bytes selector(String signature) {
    return AbiSignatures.selectorBytes(AbiSignatures.selector(signature));
  }
}
