package io.fiscus.consensus.qbft;

import io.fiscus.types.Address;
import java.util.List;
import java.util.Optional;

/** A complete QBFT message as it travels: a signed payload plus what is attached to it. */
public sealed interface QbftMessage
    permits QbftMessage.Proposal, QbftMessage.Prepare, QbftMessage.Commit, QbftMessage.RoundChange {

  Signed<? extends Payload> signed();

  default Address author() {
    return signed().author();
  }

  default RoundId roundId() {
    return signed().payload().roundId();
  }

  default MessageKind kind() {
    return signed().payload().kind();
  }

  /**
   * A proposal. For round > 0 it is justified by a quorum of signed round-change payloads and, when
   * it re-proposes a prepared block, by the prepares of that block's prepared round.
   */
  record Proposal(
      Signed<Payload.Proposal> signed,
      List<Signed<Payload.RoundChange>> roundChanges,
      List<Signed<Payload.Prepare>> prepares)
      implements QbftMessage {
    public Proposal {
      roundChanges = List.copyOf(roundChanges);
      prepares = List.copyOf(prepares);
    }

    public QbftBlock block() {
      return signed.payload().block();
    }
  }

  record Prepare(Signed<Payload.Prepare> signed) implements QbftMessage {}

  record Commit(Signed<Payload.Commit> signed) implements QbftMessage {}

  /** A round change; a prepared certificate travels as the prepared block plus its prepares. */
  record RoundChange(
      Signed<Payload.RoundChange> signed,
      Optional<QbftBlock> preparedBlock,
      List<Signed<Payload.Prepare>> prepares)
      implements QbftMessage {
    public RoundChange {
      prepares = List.copyOf(prepares);
    }
  }
}
