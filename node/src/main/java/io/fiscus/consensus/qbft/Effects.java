package io.fiscus.consensus.qbft;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The output of one {@link QbftCore#handle} call. The driver performs it in this order: (1) write
 * {@code persist} durably, (2) send {@code broadcast} to the other validators, (3) import {@code
 * importBlock}, (4) arm {@code timers}. If {@code halt} is present the instance has stopped on a
 * broken invariant; nothing else is present and the node must not sign anything more.
 *
 * @param syncTarget a validator has sent messages for a later height: the chain is at least at this
 *     height elsewhere, so block sync should fetch up to it
 */
public record Effects(
    List<DurableRecord> persist,
    List<QbftMessage> broadcast,
    Optional<QbftBlock> importBlock,
    List<TimerRequest> timers,
    List<Notice> notices,
    OptionalLong syncTarget,
    Optional<String> halt) {

  public Effects {
    persist = List.copyOf(persist);
    broadcast = List.copyOf(broadcast);
    timers = List.copyOf(timers);
    notices = List.copyOf(notices);
  }

  public static Effects halted(String reason) {
    return new Effects(
        List.of(),
        List.of(),
        Optional.empty(),
        List.of(),
        List.of(),
        OptionalLong.empty(),
        Optional.of(reason));
  }

  /** Collects effects while one event is handled. */
  static final class Builder {
    private final List<DurableRecord> persist = new ArrayList<>();
    private final List<QbftMessage> broadcast = new ArrayList<>();
    private Optional<QbftBlock> importBlock = Optional.empty();
    private final List<TimerRequest> timers = new ArrayList<>();
    private final List<Notice> notices = new ArrayList<>();
    private long syncTarget = -1;

    void persist(DurableRecord record) {
      persist.add(record);
    }

    void persistAndSend(QbftMessage message) {
      persist.add(new DurableRecord.SentMessage(message));
      broadcast.add(message);
    }

    void resend(QbftMessage message) {
      broadcast.add(message);
    }

    void importBlock(QbftBlock block) {
      if (importBlock.isPresent()) {
        throw new InvariantViolation("two blocks decided in one step");
      }
      importBlock = Optional.of(block);
    }

    void timer(TimerRequest timer) {
      timers.add(timer);
    }

    void notice(Reason reason, String detail) {
      notices.add(new Notice(reason, detail));
    }

    void syncTarget(long height) {
      syncTarget = Math.max(syncTarget, height);
    }

    Effects build() {
      return new Effects(
          persist,
          broadcast,
          importBlock,
          timers,
          notices,
          syncTarget < 0 ? OptionalLong.empty() : OptionalLong.of(syncTarget),
          Optional.empty());
    }
  }
}
