package io.fiscus.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/** One account sending Web3j-signed EIP-1559 transactions with its own nonce counter. */
public final class Wallet {
  public static final BigInteger GAS_LIMIT = BigInteger.valueOf(200_000);

  public final Credentials credentials;
  private final Web3j web3j;
  private final long chainId;
  private long nonce;

  public Wallet(Web3j web3j, long chainId, Credentials credentials) {
    this.web3j = web3j;
    this.chainId = chainId;
    this.credentials = credentials;
    this.nonce = fetchNonce();
  }

  public String address() {
    return credentials.getAddress();
  }

  /** Signs the next transaction for {@code call}; the nonce advances. */
  public String sign(LedgerCalls.Call call) {
    RawTransaction raw =
        RawTransaction.createTransaction(
            chainId,
            BigInteger.valueOf(nonce++),
            GAS_LIMIT,
            call.to(),
            BigInteger.ZERO,
            call.data(),
            BigInteger.ZERO,
            BigInteger.ZERO);
    return Numeric.toHexString(TransactionEncoder.signMessage(raw, chainId, credentials));
  }

  /** Sends and returns the transaction hash; fails the test on a JSON-RPC error. */
  public String send(LedgerCalls.Call call) {
    EthSendTransaction sent = sendRaw(sign(call));
    if (sent.hasError()) {
      throw new AssertionError(
          "rejected: " + sent.getError().getCode() + " " + sent.getError().getMessage());
    }
    return sent.getTransactionHash();
  }

  /** Sends and waits for the receipt. */
  public TransactionReceipt execute(LedgerCalls.Call call) {
    return awaitReceipt(web3j, send(call), Duration.ofSeconds(30));
  }

  public EthSendTransaction sendRaw(String signedHex) {
    try {
      return web3j.ethSendRawTransaction(signedHex).send();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private long fetchNonce() {
    try {
      return web3j
          .ethGetTransactionCount(credentials.getAddress(), DefaultBlockParameterName.PENDING)
          .send()
          .getTransactionCount()
          .longValueExact();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static TransactionReceipt awaitReceipt(Web3j web3j, String hash, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<TransactionReceipt> receipt = receipt(web3j, hash);
      if (receipt.isPresent()) {
        return receipt.get();
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("no receipt for " + hash + " within " + timeout);
  }

  public static Optional<TransactionReceipt> receipt(Web3j web3j, String hash) {
    try {
      return web3j.ethGetTransactionReceipt(hash).send().getTransactionReceipt();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
