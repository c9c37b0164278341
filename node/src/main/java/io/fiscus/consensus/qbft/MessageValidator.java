package io.fiscus.consensus.qbft;

import io.fiscus.crypto.SignatureRecovery;
import io.fiscus.types.Address;
import io.fiscus.types.Hash;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Validates messages for one height (Besu's {@code ProposalValidator}, {@code
 * RoundChangeMessageValidator}, {@code PrepareValidator}, {@code CommitValidator}). The caller has
 * already checked the height. Every check returns a reason.
 */
final class MessageValidator {
  private final long height;
  private final QbftBlock parent;
  private final Validators validators;
  private final QbftBlockValidator blockValidator;
  private final SignatureRecovery recovery;

  MessageValidator(
      QbftBlock parent,
      Validators validators,
      QbftBlockValidator blockValidator,
      SignatureRecovery recovery) {
    this.height = parent.height() + 1;
    this.parent = parent;
    this.validators = validators;
    this.blockValidator = blockValidator;
    this.recovery = recovery;
  }

  Address proposer(int round) {
    return validators.proposer(parent.proposer(), round);
  }

  Validation prepare(Signed<Payload.Prepare> prepare) {
    return author(prepare);
  }

  Validation commit(Signed<Payload.Commit> commit) {
    Validation author = author(commit);
    if (!author.isValid()) {
      return author;
    }
    Payload.Commit payload = commit.payload();
    Optional<Address> sealer = recovery.recoverAddress(payload.digest(), payload.commitSeal());
    if (payload.commitSeal().isLowS()
        && sealer.isPresent()
        && sealer.get().equals(commit.author())) {
      return Validation.valid();
    }
    return Validation.invalid(Reason.INVALID_COMMIT_SEAL, "seal not by " + commit.author());
  }

  Validation roundChange(QbftMessage.RoundChange message) {
    Signed<Payload.RoundChange> signed = message.signed();
    Validation payload = roundChangePayload(signed);
    if (!payload.isValid()) {
      return payload;
    }
    Optional<PreparedRoundMetadata> metadata = signed.payload().prepared();
    if (metadata.isEmpty()) {
      return message.preparedBlock().isEmpty() && message.prepares().isEmpty()
          ? Validation.valid()
          : Validation.invalid(Reason.ROUND_CHANGE_INVALID, "certificate parts without metadata");
    }
    if (message.preparedBlock().isEmpty()) {
      return Validation.invalid(Reason.ROUND_CHANGE_INVALID, "metadata without prepared block");
    }
    QbftBlock block = message.preparedBlock().get();
    PreparedRoundMetadata prepared = metadata.get();
    if (block.round() != prepared.preparedRound()
        || !block.commitSealHash().equals(prepared.preparedBlockDigest())) {
      return Validation.invalid(
          Reason.ROUND_CHANGE_INVALID, "prepared block does not match metadata");
    }
    Validation blockValid = block(block);
    if (!blockValid.isValid()) {
      return blockValid;
    }
    return prepares(
        message.prepares(),
        new RoundId(height, prepared.preparedRound()),
        prepared.preparedBlockDigest());
  }

  private Validation roundChangePayload(Signed<Payload.RoundChange> signed) {
    Validation author = author(signed);
    if (!author.isValid()) {
      return author;
    }
    int target = signed.payload().roundId().round();
    if (target == 0) {
      return Validation.invalid(Reason.ROUND_CHANGE_INVALID, "round change to round 0");
    }
    Optional<PreparedRoundMetadata> prepared = signed.payload().prepared();
    if (prepared.isPresent() && prepared.get().preparedRound() >= target) {
      return Validation.invalid(Reason.ROUND_CHANGE_INVALID, "prepared round not below target");
    }
    return Validation.valid();
  }

  Validation proposal(QbftMessage.Proposal proposal) {
    RoundId id = proposal.roundId();
    QbftBlock block = proposal.block();
    if (!proposal.author().equals(proposer(id.round()))) {
      return Validation.invalid(Reason.WRONG_PROPOSER, proposal.author() + " at " + id);
    }
    if (block.height() != height) {
      return Validation.invalid(Reason.WRONG_HEIGHT, "block " + block.height() + " at " + id);
    }
    if (block.round() != id.round()) {
      return Validation.invalid(Reason.WRONG_ROUND, "block round " + block.round() + " at " + id);
    }
    Validation blockValid = block(block);
    if (!blockValid.isValid()) {
      return blockValid;
    }
    if (id.round() == 0) {
      return proposal.roundChanges().isEmpty()
              && proposal.prepares().isEmpty()
              && block.proposer().equals(proposal.author())
          ? Validation.valid()
          : Validation.invalid(Reason.JUSTIFICATION_INVALID, "round 0 proposal with justification");
    }
    return justification(proposal);
  }

  private Validation justification(QbftMessage.Proposal proposal) {
    RoundId id = proposal.roundId();
    Set<Address> authors = new HashSet<>();
    TreeMap<Integer, Hash> digestByPreparedRound = new TreeMap<>();
    for (Signed<Payload.RoundChange> roundChange : proposal.roundChanges()) {
      Validation valid = roundChangePayload(roundChange);
      if (!valid.isValid() || !roundChange.payload().roundId().equals(id)) {
        return Validation.invalid(Reason.JUSTIFICATION_INVALID, "round change not for " + id);
      }
      if (!authors.add(roundChange.author())) {
        return Validation.invalid(Reason.JUSTIFICATION_INVALID, "two round changes by one author");
      }
      Optional<PreparedRoundMetadata> prepared = roundChange.payload().prepared();
      if (prepared.isPresent()) {
        Hash earlier =
            digestByPreparedRound.putIfAbsent(
                prepared.get().preparedRound(), prepared.get().preparedBlockDigest());
        if (earlier != null && !earlier.equals(prepared.get().preparedBlockDigest())) {
          return Validation.invalid(Reason.JUSTIFICATION_INVALID, "conflicting prepared digests");
        }
      }
    }
    if (authors.size() < validators.quorum()) {
      return Validation.invalid(Reason.JUSTIFICATION_INVALID, authors.size() + " round changes");
    }
    if (digestByPreparedRound.isEmpty()) {
      return proposal.prepares().isEmpty() && proposal.block().proposer().equals(proposal.author())
          ? Validation.valid()
          : Validation.invalid(
              Reason.JUSTIFICATION_INVALID, "fresh block with prepares or foreign coinbase");
    }
    int preparedRound = digestByPreparedRound.lastKey();
    Hash digest = digestByPreparedRound.lastEntry().getValue();
    if (!proposal.block().withRound(preparedRound).commitSealHash().equals(digest)) {
      return Validation.invalid(Reason.JUSTIFICATION_INVALID, "not the highest prepared block");
    }
    return prepares(proposal.prepares(), new RoundId(height, preparedRound), digest);
  }

  /** A prepared certificate's prepares: a quorum of distinct validators, all for (id, digest). */
  Validation prepares(List<Signed<Payload.Prepare>> prepares, RoundId id, Hash digest) {
    Set<Address> authors = new HashSet<>();
    for (Signed<Payload.Prepare> prepare : prepares) {
      if (!validators.contains(prepare.author())
          || !prepare.payload().roundId().equals(id)
          || !prepare.payload().digest().equals(digest)
          || !authors.add(prepare.author())) {
        return Validation.invalid(Reason.PREPARES_INVALID, "prepare does not certify " + id);
      }
    }
    return authors.size() >= validators.quorum()
        ? Validation.valid()
        : Validation.invalid(Reason.PREPARES_INVALID, authors.size() + " prepares");
  }

  private Validation block(QbftBlock block) {
    Validation result = blockValidator.validate(block, parent, validators);
    return switch (result) {
      case Validation.Valid valid -> valid;
      case Validation.Invalid invalid ->
          Validation.invalid(Reason.BLOCK_INVALID, invalid.reason() + ": " + invalid.detail());
    };
  }

  private Validation author(Signed<? extends Payload> signed) {
    return validators.contains(signed.author())
        ? Validation.valid()
        : Validation.invalid(Reason.NOT_A_VALIDATOR, signed.author().toString());
  }
}
