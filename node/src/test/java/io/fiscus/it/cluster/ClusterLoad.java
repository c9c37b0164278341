package io.fiscus.it.cluster;

import io.fiscus.it.LedgerCalls;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.utils.Numeric;

/**
 * Transfers of one minor unit, signed by Web3j, from each sender in its own thread, paced, and
 * submitted round robin to whichever target nodes are alive at that moment, so a test's faults land
 * on a cluster that is working. A sender whose node died with its transaction, or that was refused,
 * takes its nonce again from a live node: the load survives crashes without help.
 */
public final class ClusterLoad implements AutoCloseable {
  private static final BigInteger GAS_LIMIT = BigInteger.valueOf(200_000);

  /** A sender whose chain nonce has not moved for this long resubmits from the chain's nonce. */
  private static final long STUCK_NANOS = 4_000_000_000L;

  private final Supplier<List<ClusterNode>> targets;
  private final long chainId;
  private final long perSenderPeriodNanos;
  private final List<Thread> threads = new ArrayList<>();
  private final List<Sender> senders = new ArrayList<>();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private volatile boolean running;

  /**
   * @param targets the nodes to submit to now (asked before every submission)
   * @param senders each sends to the next one in the list (the last to the first)
   * @param transactionsPerSecondPerSender the pace of each sender
   */
  public ClusterLoad(
      Supplier<List<ClusterNode>> targets,
      long chainId,
      List<Credentials> senders,
      int transactionsPerSecondPerSender) {
    this.targets = targets;
    this.chainId = chainId;
    this.perSenderPeriodNanos = 1_000_000_000L / transactionsPerSecondPerSender;
    for (int i = 0; i < senders.size(); i++) {
      this.senders.add(
          new Sender(senders.get(i), senders.get((i + 1) % senders.size()).getAddress()));
    }
  }

  public void start() {
    running = true;
    for (Sender sender : senders) {
      Thread thread = new Thread(sender, "load-" + sender.key.getAddress().substring(0, 10));
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
  }

  /** Transactions a node accepted into its pool. */
  public long accepted() {
    return accepted.get();
  }

  /** Submissions refused or lost with a node (then retried). */
  public long refused() {
    return refused.get();
  }

  @Override
  public void close() {
    running = false;
    for (Thread thread : threads) {
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private final class Sender implements Runnable {
    private final Credentials key;
    private final String recipient;
    private long nonce = -1;
    private int next;
    private long chainNonce = -1;
    private long chainNonceSince = System.nanoTime();
    private long lastCheckNanos = System.nanoTime();

    Sender(Credentials key, String recipient) {
      this.key = key;
      this.recipient = recipient;
    }

    @Override
    public void run() {
      long due = System.nanoTime();
      while (running) {
        ClusterNode node = nextTarget();
        if (node == null) {
          Cluster.sleep(200);
          continue;
        }
        try {
          if (nonce < 0 || stuck(node)) {
            nonce = nonce(node, DefaultBlockParameterName.PENDING);
          }
          EthSendTransaction sent = node.web3j().ethSendRawTransaction(sign(nonce)).send();
          if (sent.hasError()) {
            refused.incrementAndGet();
            nonce = -1;
            Cluster.sleep(100);
          } else {
            accepted.incrementAndGet();
            nonce++;
          }
        } catch (IOException | RuntimeException nodeDown) {
          refused.incrementAndGet();
          nonce = -1;
          Cluster.sleep(100);
        }
        due += perSenderPeriodNanos;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          Cluster.sleep(wait / 1_000_000);
        } else if (wait < -1_000_000_000L) {
          due = System.nanoTime(); // fell far behind (a stall): do not burst to catch up
        }
      }
    }

    private ClusterNode nextTarget() {
      List<ClusterNode> alive = targets.get().stream().filter(ClusterNode::isAlive).toList();
      return alive.isEmpty() ? null : alive.get(Math.floorMod(next++, alive.size()));
    }

    /**
     * True when the chain has not taken this sender's transactions for a while although more were
     * sent: one died in a killed node's pool and the rest wait behind its nonce.
     */
    private boolean stuck(ClusterNode node) throws IOException {
      long now = System.nanoTime();
      if (now - lastCheckNanos < 1_000_000_000L) {
        return false;
      }
      lastCheckNanos = now;
      long latest = nonce(node, DefaultBlockParameterName.LATEST);
      if (latest != chainNonce) {
        chainNonce = latest;
        chainNonceSince = now;
        return false;
      }
      return nonce > latest && now - chainNonceSince >= STUCK_NANOS;
    }

    private long nonce(ClusterNode node, DefaultBlockParameterName block) throws IOException {
      return node.web3j()
          .ethGetTransactionCount(key.getAddress(), block)
          .send()
          .getTransactionCount()
          .longValueExact();
    }

    private String sign(long nonce) {
      LedgerCalls.Call transfer = LedgerCalls.transfer(recipient, 1);
      RawTransaction raw =
          RawTransaction.createTransaction(
              chainId,
              BigInteger.valueOf(nonce),
              GAS_LIMIT,
              transfer.to(),
              BigInteger.ZERO,
              transfer.data(),
              BigInteger.ZERO,
              BigInteger.ZERO);
      return Numeric.toHexString(TransactionEncoder.signMessage(raw, chainId, key));
    }
  }
}
