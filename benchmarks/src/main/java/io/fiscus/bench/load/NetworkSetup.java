package io.fiscus.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.types.Address;
import java.util.ArrayList;
import java.util.List;

/**
 * Prepares the load through the node itself, as a real deployment would: the central bank lifts the
 * tier-3 limits and issues money to bank A; bank A registers every sender at tier 3 and funds it.
 * Every setup transaction must succeed (status 1) before the load starts.
 */
public final class NetworkSetup {
  /**
   * Below the pool's per-sender and nonce-distance bounds (1,000 each), so a bank's long run of
   * setup calls is accepted.
   */
  private static final int WINDOW = 900;

  private static final int BATCH = 250;
  private static final long RECEIPT_TIMEOUT_MILLIS = 120_000;

  private final JsonRpcClient rpc;
  private final Transactions transactions;

  public NetworkSetup(JsonRpcClient rpc, Transactions transactions) {
    this.rpc = rpc;
    this.transactions = transactions;
  }

  /** Runs the setup; returns the number of setup transactions. */
  public int run(
      DemoAccounts.Account centralBank,
      DemoAccounts.Account bank,
      List<Address> senders,
      long fundsPerSender) {
    long centralBankNonce = pendingNonce(centralBank.address());
    List<SignedTransaction> issue =
        List.of(
            transactions.setTierLimits(centralBank.key(), centralBankNonce, 3, 0, 0, 0),
            transactions.mint(
                centralBank.key(),
                centralBankNonce + 1,
                bank.address(),
                fundsPerSender * senders.size()));
    submitAndAwait(issue);

    PrivateKey bankKey = bank.key();
    long nonce = pendingNonce(bank.address());
    List<SignedTransaction> onboard = new ArrayList<>(2 * senders.size());
    for (Address sender : senders) {
      onboard.add(transactions.registerAccount(bankKey, nonce++, sender, 3));
    }
    for (Address sender : senders) {
      onboard.add(transactions.transfer(bankKey, nonce++, sender, fundsPerSender));
    }
    submitAndAwait(onboard);
    return issue.size() + onboard.size();
  }

  /** The next nonce of {@code account}, counting its pooled transactions. */
  public long pendingNonce(Address account) {
    return Long.decode(rpc.call("eth_getTransactionCount", account.toHex(), "pending").asText());
  }

  /**
   * Submits one sender's transactions in nonce order, at most {@link #WINDOW} ahead of the chain,
   * waits for the last receipt, then checks that every receipt has status 1.
   */
  private void submitAndAwait(List<SignedTransaction> inNonceOrder) {
    for (int from = 0; from < inNonceOrder.size(); from += WINDOW) {
      List<SignedTransaction> window =
          inNonceOrder.subList(from, Math.min(inNonceOrder.size(), from + WINDOW));
      for (int batchStart = 0; batchStart < window.size(); batchStart += BATCH) {
        submit(window.subList(batchStart, Math.min(window.size(), batchStart + BATCH)));
      }
      awaitReceipt(window.get(window.size() - 1));
    }
    checkReceipts(inNonceOrder);
  }

  private void submit(List<SignedTransaction> batch) {
    List<ObjectNode> requests = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      requests.add(rpc.request(i, "eth_sendRawTransaction", batch.get(i).raw().toHex()));
    }
    List<JsonNode> answers = rpc.batch(requests);
    for (int i = 0; i < answers.size(); i++) {
      try {
        JsonRpcClient.resultOf(answers.get(i));
      } catch (JsonRpcClient.RpcError refused) {
        throw new IllegalStateException(
            "setup transaction (nonce "
                + batch.get(i).nonce()
                + ") refused: "
                + refused.getMessage(),
            refused);
      }
    }
  }

  private void awaitReceipt(SignedTransaction transaction) {
    long deadline = System.currentTimeMillis() + RECEIPT_TIMEOUT_MILLIS;
    while (rpc.call("eth_getTransactionReceipt", transaction.hash().toHex()).isNull()) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException(
            "no receipt for setup transaction " + transaction.hash().toHex() + " after 120 s");
      }
      sleepMillis(20);
    }
  }

  private void checkReceipts(List<SignedTransaction> sent) {
    for (int from = 0; from < sent.size(); from += BATCH) {
      List<SignedTransaction> batch = sent.subList(from, Math.min(sent.size(), from + BATCH));
      List<ObjectNode> requests = new ArrayList<>(batch.size());
      for (int i = 0; i < batch.size(); i++) {
        requests.add(rpc.request(i, "eth_getTransactionReceipt", batch.get(i).hash().toHex()));
      }
      List<JsonNode> receipts = rpc.batch(requests);
      for (int i = 0; i < receipts.size(); i++) {
        JsonNode receipt = JsonRpcClient.resultOf(receipts.get(i));
        if (receipt.isNull() || !"0x1".equals(receipt.path("status").asText())) {
          throw new IllegalStateException(
              "setup transaction " + batch.get(i).hash().toHex() + " failed: " + receipt);
        }
      }
    }
  }

  static void sleepMillis(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", interrupted);
    }
  }
}
