package io.fiscus.it.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Supplier;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * What a client saw finalized while a test ran: a thread follows the head of whichever node is
 * alive, records every block (hash, state root, miner, transaction count) and, from each block with
 * transactions, the receipt of its first transaction. QBFT blocks are final when committed, so
 * everything recorded here must still be on every node, unchanged, at the end ({@link
 * #assertNothingLost}).
 */
public final class FinalizedLedger implements AutoCloseable {
  private final Supplier<List<ClusterNode>> sources;
  private final NavigableMap<Long, Head> blocks = new ConcurrentSkipListMap<>();
  private final Map<String, String> receiptBlockHash = new ConcurrentSkipListMap<>();
  private final Thread thread;
  private volatile boolean running = true;
  private long next;

  /** Follows from the block after {@code fromHeight}. */
  public FinalizedLedger(Supplier<List<ClusterNode>> sources, long fromHeight) {
    this.sources = sources;
    this.next = fromHeight + 1;
    this.thread = new Thread(this::follow, "finalized-ledger");
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  private void follow() {
    while (running) {
      for (ClusterNode node : sources.get()) {
        if (node.isAlive()) {
          try {
            readUpToHead(node);
          } catch (RuntimeException nodeWentDown) {
            continue;
          }
          break;
        }
      }
      Cluster.sleep(100);
    }
  }

  private void readUpToHead(ClusterNode node) {
    long head = node.head().number();
    while (running && next <= head) {
      JsonNode block =
          node.rpc()
              .result(
                  "eth_getBlockByNumber",
                  Numeric.encodeQuantity(java.math.BigInteger.valueOf(next)),
                  false);
      Head seen = Head.of(block);
      JsonNode transactions = block.path("transactions");
      if (!transactions.isEmpty()) {
        String first = transactions.get(0).asText();
        node.web3j()
            .ethGetTransactionReceipt(first)
            .sendAsync()
            .join()
            .getTransactionReceipt()
            .ifPresent(receipt -> receiptBlockHash.put(first, receipt.getBlockHash()));
      }
      blocks.put(next, seen);
      next++;
    }
  }

  /** The blocks recorded so far, by number. */
  public NavigableMap<Long, Head> blocks() {
    return blocks;
  }

  /** Transactions in the recorded blocks. */
  public long transactions() {
    return blocks.values().stream().mapToLong(Head::transactions).sum();
  }

  /** The first recorded block above {@code height} that {@code address} proposed. */
  public Optional<Head> proposedAbove(String address, long height) {
    return blocks.tailMap(height, false).values().stream()
        .filter(block -> block.miner().equalsIgnoreCase(address))
        .findFirst();
  }

  /**
   * Checks that every live node of {@code cluster} still has each recorded block with the same hash
   * and state root, and each recorded receipt in the same block.
   */
  public void assertNothingLost(Cluster cluster) {
    List<String> lost = new ArrayList<>();
    for (ClusterNode node : cluster.alive()) {
      for (Head recorded : blocks.values()) {
        Head now = node.blockAt(recorded.number());
        if (now == null || !now.sameBlockAs(recorded)) {
          lost.add(node.name() + " block " + recorded.number() + ": " + recorded + " now " + now);
        }
      }
      receiptBlockHash.forEach(
          (transaction, blockHash) -> {
            Optional<TransactionReceipt> receipt =
                node.web3j()
                    .ethGetTransactionReceipt(transaction)
                    .sendAsync()
                    .join()
                    .getTransactionReceipt();
            if (receipt.isEmpty() || !receipt.get().getBlockHash().equals(blockHash)) {
              lost.add(node.name() + " receipt " + transaction + " now " + receipt);
            }
          });
    }
    if (!lost.isEmpty()) {
      throw new AssertionError(
          lost.size()
              + " finalized blocks or receipts changed or vanished:\n  "
              + String.join("\n  ", lost.subList(0, Math.min(lost.size(), 40))));
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
