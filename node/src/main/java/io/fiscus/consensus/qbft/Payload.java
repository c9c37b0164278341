package io.fiscus.consensus.qbft;

import io.fiscus.crypto.Signature;
import io.fiscus.types.Hash;
import java.util.Optional;

/** The signed part of a QBFT message. Encoding lives in {@link QbftMessageCodec}. */
public sealed interface Payload
    permits Payload.Proposal, Payload.Prepare, Payload.Commit, Payload.RoundChange {
  RoundId roundId();

  MessageKind kind();

  /** {@code [height, round, block]}: the pre-26.1 form, without the block-access-list slot. */
  record Proposal(RoundId roundId, QbftBlock block) implements Payload {
    @Override
    public MessageKind kind() {
      return MessageKind.PROPOSAL;
    }
  }

  /** {@code [height, round, digest]}; the digest is the proposed block's commit-seal hash. */
  record Prepare(RoundId roundId, Hash digest) implements Payload {
    @Override
    public MessageKind kind() {
      return MessageKind.PREPARE;
    }
  }

  /** {@code [height, round, digest, commitSeal]}. */
  record Commit(RoundId roundId, Hash digest, Signature commitSeal) implements Payload {
    @Override
    public MessageKind kind() {
      return MessageKind.COMMIT;
    }
  }

  /**
   * {@code [height, targetRound, [] | [preparedRound, preparedBlockHash]]}: the author leaves the
   * current round for {@code roundId.round()}, carrying what it last prepared, if anything.
   */
  record RoundChange(RoundId roundId, Optional<PreparedRoundMetadata> prepared) implements Payload {
    @Override
    public MessageKind kind() {
      return MessageKind.ROUND_CHANGE;
    }
  }
}
