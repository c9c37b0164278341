package io.fiscus.client.tx;

import io.fiscus.client.events.LedgerEvent;
import java.util.List;
import java.util.Optional;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * A transaction that succeeded and is final: included in a block the node committed (QBFT blocks
 * are final once committed) and, if the {@link Tracker} has a {@link
 * io.fiscus.client.FinalityCheck}, checked by the client. A transaction whose call reverted is
 * never a result: the tracker throws {@link io.fiscus.client.TransactionRevertedException} instead.
 *
 * @param transactionHash the transaction's hash
 * @param receipt its receipt (status {@code 0x1})
 * @param events the system contracts' events it emitted, in log order
 * @param finalityChecked whether a {@link io.fiscus.client.FinalityCheck} confirmed it
 */
public record TransactionResult(
    String transactionHash,
    TransactionReceipt receipt,
    List<LedgerEvent> events,
    boolean finalityChecked) {
  /** Copies the events. */
  public TransactionResult {
    events = List.copyOf(events);
  }

  /**
   * The block that holds the transaction.
   *
   * @return its number
   */
  public long blockNumber() {
    return receipt.getBlockNumber().longValueExact();
  }

  /**
   * The block that holds the transaction.
   *
   * @return its hash
   */
  public String blockHash() {
    return receipt.getBlockHash();
  }

  /**
   * The events of one type, e.g. {@code events(LedgerEvent.Transfer.class)}.
   *
   * @param type the event record class
   * @param <E> the event type
   * @return the matching events, in log order
   */
  public <E extends LedgerEvent> List<E> events(Class<E> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /**
   * The first event of one type.
   *
   * @param type the event record class
   * @param <E> the event type
   * @return the event, if the transaction emitted one
   */
  public <E extends LedgerEvent> Optional<E> event(Class<E> type) {
    return events(type).stream().findFirst();
  }
}
