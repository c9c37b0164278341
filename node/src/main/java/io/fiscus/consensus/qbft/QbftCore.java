package io.fiscus.consensus.qbft;

import io.fiscus.crypto.SignatureRecovery;
import java.util.List;
import java.util.Optional;

/**
 * The QBFT consensus core for one validator: a pure, single-threaded state machine. Each {@link
 * Event} returns the {@link Effects} the driver must perform; the core owns no clock, thread,
 * randomness, socket or file.
 *
 * <p>Construct it with the records persisted by earlier runs (empty on first start), then send a
 * {@link Event.NewChainHead} for the current head. If an internal invariant breaks, the core halts:
 * it returns {@link Effects#halted} from then on and never signs again.
 */
public final class QbftCore {

  /** What every height needs, fixed for the life of the core. */
  record Context(
      QbftConfig config,
      NodeKey key,
      QbftMessageCodec codec,
      QbftBlockCreator blockCreator,
      QbftBlockValidator blockValidator,
      SignatureRecovery recovery,
      LocalVotes votes,
      VoteTally tally) {}

  private final QbftConfig config;
  private final NodeKey key;
  private final QbftMessageCodec codec;
  private final QbftBlockCreator blockCreator;
  private final QbftBlockValidator blockValidator;
  private final SignatureRecovery recovery;
  private final List<DurableRecord> restoredRecords;
  private final LocalVotes votes = new LocalVotes();
  private final FutureMessageBuffer futureMessages;
  private HeightInstance instance;
  private QbftBlock head;
  private VoteTally tally;
  private Optional<String> halted = Optional.empty();

  public QbftCore(
      QbftConfig config,
      NodeKey key,
      QbftBlockCodec blockCodec,
      QbftBlockCreator blockCreator,
      QbftBlockValidator blockValidator,
      SignatureRecovery recovery,
      List<DurableRecord> persistedRecords) {
    this.config = config;
    this.key = key;
    this.codec = new QbftMessageCodec(blockCodec, recovery);
    this.blockCreator = blockCreator;
    this.blockValidator = blockValidator;
    this.recovery = recovery;
    this.restoredRecords = List.copyOf(persistedRecords);
    this.futureMessages =
        new FutureMessageBuffer(config.futureHeightDistanceMax(), config.futureMessagesMax());
  }

  public QbftMessageCodec codec() {
    return codec;
  }

  /** Why the core stopped, if it did. */
  public Optional<String> halted() {
    return halted;
  }

  /** The height being decided, or -1 before the first chain head. */
  public long height() {
    return instance == null ? -1 : instance.height();
  }

  public int round() {
    return instance == null ? 0 : instance.currentRound();
  }

  public Effects handle(Event event) {
    if (halted.isPresent()) {
      return Effects.halted(halted.get());
    }
    Effects.Builder out = new Effects.Builder();
    try {
      dispatch(event, out);
      return out.build();
    } catch (InvariantViolation violation) {
      // A bug, not bad input: stop before anything from this step is signed or sent.
      halted = Optional.of(violation.getMessage());
      return Effects.halted(violation.getMessage());
    }
  }

  private void dispatch(Event event, Effects.Builder out) {
    switch (event) {
      case Event.NewChainHead newHead -> onNewHead(newHead, out);
      case Event.LocalVoteProposal vote -> votes.propose(vote.subject(), vote.kind());
      case Event.BlockTimerExpired timer -> {
        if (isActiveAt(timer.height())) {
          instance.onBlockTimer(timer.nowMillis(), out);
        }
      }
      case Event.RoundTimerExpired timer -> {
        if (isActiveAt(timer.height())) {
          instance.onRoundTimer(timer.round(), timer.nowMillis(), out);
        }
      }
      case Event.MessageReceived received -> onWireMessage(received, out);
    }
  }

  private boolean isActiveAt(long height) {
    return instance != null && instance.height() == height && isValidator();
  }

  private boolean isValidator() {
    return tally.validators().contains(key.address());
  }

  private void onNewHead(Event.NewChainHead newHead, Effects.Builder out) {
    QbftBlock block = newHead.head();
    if (head != null && block.height() <= head.height()) {
      return;
    }
    head = block;
    tally = newHead.tallyAfterHead();
    Context context =
        new Context(config, key, codec, blockCreator, blockValidator, recovery, votes, tally);
    instance = new HeightInstance(block, tally.validators(), context);
    if (!isValidator()) {
      futureMessages.takeFor(instance.height());
      return;
    }
    if (instance.restore(restoredRecords)) {
      instance.resume(newHead.nowMillis(), restoredRecords, out);
    } else {
      out.timer(
          new TimerRequest.BlockTimer(
              instance.height(), config.blockTimerDeadlineMillis(block.timestampSeconds())));
    }
    for (QbftMessage buffered : futureMessages.takeFor(instance.height())) {
      onMessage(buffered, newHead.nowMillis(), out);
    }
  }

  private void onWireMessage(Event.MessageReceived received, Effects.Builder out) {
    switch (codec.decode(received.message())) {
      case Decoded.Rejected rejected -> out.notice(rejected.reason(), rejected.detail());
      case Decoded.Ok ok -> onMessage(ok.message(), received.nowMillis(), out);
    }
  }

  private void onMessage(QbftMessage message, long nowMillis, Effects.Builder out) {
    if (instance == null) {
      out.notice(Reason.OLD_HEIGHT, "no chain head yet");
      return;
    }
    long height = message.roundId().height();
    if (height < instance.height()) {
      out.notice(Reason.OLD_HEIGHT, message.kind() + " at " + message.roundId());
    } else if (height > instance.height()) {
      Validation buffered = futureMessages.add(message, instance.height());
      if (buffered instanceof Validation.Invalid invalid) {
        out.notice(invalid.reason(), invalid.detail());
      }
      // Someone is working on `height`, so the chain reaches height - 1 elsewhere.
      if (height - 1 > head.height()) {
        out.syncTarget(height - 1);
      }
    } else if (!isValidator()) {
      out.notice(Reason.LOCAL_NODE_NOT_A_VALIDATOR, message.kind() + " at " + message.roundId());
    } else {
      instance.onMessage(message, nowMillis, out);
    }
  }
}
