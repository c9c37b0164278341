package io.fiscus.bench.load;

import io.fiscus.crypto.PrivateKey;
import io.fiscus.types.Address;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Every load transaction signed, and every JSON-RPC batch body built, before the clock starts, so
 * the generator only copies bytes to a socket. Transaction {@code j} is sent by sender {@code j mod
 * n} with that sender's next nonce and pays 1 unit to sender {@code j+1 mod n}; a batch therefore
 * holds distinct senders, and one sender's nonces are spread {@code n} transactions apart. The
 * JSON-RPC id of a request is its transaction number.
 */
public final class PresignedLoad {
  private final OpenLoopSchedule schedule;
  private final byte[][] batchBodies;
  private final Map<String, Integer> transactionByHash;

  private PresignedLoad(
      OpenLoopSchedule schedule, byte[][] batchBodies, Map<String, Integer> transactionByHash) {
    this.schedule = schedule;
    this.batchBodies = batchBodies;
    this.transactionByHash = transactionByHash;
  }

  /**
   * Signs {@code schedule.totalTransactions()} transfers on all cores.
   *
   * @param firstNonces each sender's next nonce on the chain
   */
  public static PresignedLoad sign(
      OpenLoopSchedule schedule,
      Transactions transactions,
      List<PrivateKey> senderKeys,
      List<Address> senders,
      long[] firstNonces) {
    int senderCount = senders.size();
    int total = schedule.totalTransactions();
    Transactions.RawTransaction[] signed =
        IntStream.range(0, total)
            .parallel()
            .mapToObj(
                j ->
                    transactions.rawTransfer(
                        senderKeys.get(j % senderCount),
                        firstNonces[j % senderCount] + j / senderCount,
                        senders.get((j + 1) % senderCount),
                        1))
            .toArray(Transactions.RawTransaction[]::new);
    Map<String, Integer> byHash = new HashMap<>(total * 2);
    for (int j = 0; j < total; j++) {
      byHash.put(signed[j].hash().toHex(), j);
    }
    byte[][] bodies = new byte[schedule.batchCount()][];
    for (int batch = 0; batch < bodies.length; batch++) {
      bodies[batch] =
          batchBody(signed, schedule.firstTransaction(batch), schedule.endTransaction(batch));
    }
    return new PresignedLoad(schedule, bodies, byHash);
  }

  /** A JSON-RPC batch of {@code eth_sendRawTransaction} for transactions [from, to). */
  static byte[] batchBody(Transactions.RawTransaction[] signed, int from, int to) {
    StringBuilder body = new StringBuilder((to - from) * 320);
    body.append('[');
    for (int j = from; j < to; j++) {
      if (j > from) {
        body.append(',');
      }
      body.append("{\"jsonrpc\":\"2.0\",\"id\":")
          .append(j)
          .append(",\"method\":\"eth_sendRawTransaction\",\"params\":[\"")
          .append(signed[j].raw().toHex())
          .append("\"]}");
    }
    return body.append(']').toString().getBytes(StandardCharsets.US_ASCII);
  }

  public OpenLoopSchedule schedule() {
    return schedule;
  }

  /** The ready body of batch {@code batch}; not copied, never modify it. */
  public byte[] batchBody(int batch) {
    return batchBodies[batch];
  }

  /** The transaction number of a load transaction's hash (lower-case 0x hex), or -1. */
  public int transactionOf(String hashHex) {
    Integer j = transactionByHash.get(hashHex);
    return j == null ? -1 : j;
  }
}
