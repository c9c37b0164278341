package io.fiscus.consensus.qbft;

import io.fiscus.types.Address;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * QBFT at one height (Besu's {@code QbftBlockHeightManager} with its rounds): the normal case
 * (propose, prepare, commit), round changes with prepared certificates, and the signing ledger.
 */
final class HeightInstance {
  private final long height;
  private final QbftBlock parent;
  private final QbftCore.Context context;
  private final MessageValidator validator;
  private final Validators validators;
  private final SigningLedger ledger = new SigningLedger();
  private final TreeMap<Integer, RoundState> rounds = new TreeMap<>();
  private final RoundChangeCollector roundChanges = new RoundChangeCollector();
  private Optional<PreparedCertificate> latestCertificate = Optional.empty();
  private int currentRound;
  private boolean roundStarted;
  private boolean decided;

  HeightInstance(QbftBlock parent, Validators validators, QbftCore.Context context) {
    this.height = parent.height() + 1;
    this.parent = parent;
    this.validators = validators;
    this.context = context;
    this.validator =
        new MessageValidator(parent, validators, context.blockValidator(), context.recovery());
  }

  long height() {
    return height;
  }

  int currentRound() {
    return currentRound;
  }

  boolean decided() {
    return decided;
  }

  // --- restart ---

  /** Rebuilds what we signed at this height; returns true if there was anything. */
  boolean restore(List<DurableRecord> records) {
    boolean any = false;
    for (DurableRecord record : records) {
      if (record.height() != height) {
        continue;
      }
      any = true;
      switch (record) {
        case DurableRecord.Prepared prepared -> keepCertificate(prepared.certificate());
        case DurableRecord.SentMessage sent -> restoreSent(sent.message());
      }
    }
    return any;
  }

  private void restoreSent(QbftMessage message) {
    ledger.record(message);
    int round = message.roundId().round();
    currentRound = Math.max(currentRound, round);
    switch (message) {
      case QbftMessage.Proposal proposal -> round(round).setProposal(proposal);
      case QbftMessage.Prepare prepare -> {
        round(round).addPrepare(prepare.signed());
        round(round).prepareSent = true;
      }
      case QbftMessage.Commit commit -> {
        round(round).addCommit(commit.signed());
        round(round).commitSent = true;
      }
      case QbftMessage.RoundChange roundChange -> roundChanges.add(roundChange);
    }
  }

  /** After a restore, resume the highest round we had reached and re-send what we sent in it. */
  void resume(long nowMillis, List<DurableRecord> records, Effects.Builder out) {
    for (DurableRecord record : records) {
      if (record instanceof DurableRecord.SentMessage sent
          && sent.message().roundId().equals(new RoundId(height, currentRound))) {
        out.resend(sent.message());
      }
    }
    startRound(currentRound, nowMillis, out);
  }

  // --- timers ---

  void onBlockTimer(long nowMillis, Effects.Builder out) {
    if (!roundStarted && !decided) {
      startRound(0, nowMillis, out);
    }
  }

  void onRoundTimer(int round, long nowMillis, Effects.Builder out) {
    if (!roundStarted || decided || round != currentRound) {
      return;
    }
    int next = round + 1;
    startRound(next, nowMillis, out);
    sendRoundChange(next, nowMillis, out);
  }

  // --- messages ---

  void onMessage(QbftMessage message, long nowMillis, Effects.Builder out) {
    if (decided) {
      out.notice(Reason.HEIGHT_ALREADY_DECIDED, message.kind() + " at " + message.roundId());
      return;
    }
    int round = message.roundId().round();
    if (round < currentRound) {
      out.notice(Reason.PRIOR_ROUND, message.kind() + " at " + message.roundId());
      return;
    }
    if (round > currentRound + context.config().roundLookaheadMax()) {
      out.notice(Reason.ROUND_TOO_FAR_AHEAD, message.kind() + " at " + message.roundId());
      return;
    }
    switch (message) {
      case QbftMessage.Proposal proposal -> onProposal(proposal, nowMillis, out);
      case QbftMessage.Prepare prepare -> onPrepare(prepare.signed(), out);
      case QbftMessage.Commit commit -> onCommit(commit.signed(), out);
      case QbftMessage.RoundChange roundChange -> onRoundChange(roundChange, nowMillis, out);
    }
  }

  private void onProposal(QbftMessage.Proposal proposal, long nowMillis, Effects.Builder out) {
    int round = proposal.roundId().round();
    RoundState state = round(round);
    if (state.proposal().isPresent()) {
      boolean same = state.proposal().get().equals(proposal);
      out.notice(
          same ? Reason.DUPLICATE_MESSAGE : Reason.EQUIVOCATION,
          "proposal by " + proposal.author() + " at " + proposal.roundId());
      return;
    }
    if (reject(validator.proposal(proposal), out)) {
      return;
    }
    Optional<io.fiscus.types.Hash> ownPrepare = ledger.prepareAt(round);
    if (ownPrepare.isPresent() && !ownPrepare.get().equals(proposal.block().commitSealHash())) {
      out.notice(Reason.CONFLICTS_WITH_OWN_VOTE, "proposal at " + proposal.roundId());
      return;
    }
    state.setProposal(proposal);
    if (round > currentRound || (!roundStarted && round > 0)) {
      // A justified proposal for a later round moves us there (Besu does the same).
      startRound(round, nowMillis, out);
    } else if (roundStarted && round == currentRound) {
      acceptProposal(round, out);
    }
  }

  private void onPrepare(Signed<Payload.Prepare> prepare, Effects.Builder out) {
    RoundState state = round(prepare.payload().roundId().round());
    if (state.hasPrepare(prepare)) {
      out.notice(Reason.DUPLICATE_MESSAGE, "prepare by " + prepare.author());
      return;
    }
    if (reject(validator.prepare(prepare), out)) {
      return;
    }
    if (state.addPrepare(prepare).isPresent()) {
      out.notice(
          Reason.EQUIVOCATION,
          "prepare by " + prepare.author() + " at " + prepare.payload().roundId());
      return;
    }
    checkPrepared(prepare.payload().roundId().round(), out);
  }

  private void onCommit(Signed<Payload.Commit> commit, Effects.Builder out) {
    RoundState state = round(commit.payload().roundId().round());
    if (state.hasCommit(commit)) {
      out.notice(Reason.DUPLICATE_MESSAGE, "commit by " + commit.author());
      return;
    }
    if (reject(validator.commit(commit), out)) {
      return;
    }
    if (state.addCommit(commit).isPresent()) {
      out.notice(
          Reason.EQUIVOCATION,
          "commit by " + commit.author() + " at " + commit.payload().roundId());
      return;
    }
    checkCommitted(commit.payload().roundId().round(), out);
  }

  private void onRoundChange(
      QbftMessage.RoundChange roundChange, long nowMillis, Effects.Builder out) {
    if (roundChanges.contains(roundChange)) {
      out.notice(Reason.DUPLICATE_MESSAGE, "round change by " + roundChange.author());
      return;
    }
    if (reject(validator.roundChange(roundChange), out)) {
      return;
    }
    if (roundChanges.add(roundChange).isPresent()) {
      out.notice(Reason.EQUIVOCATION, "round change by " + roundChange.author());
      return;
    }
    afterRoundChange(roundChange.roundId().round(), nowMillis, out);
  }

  private void afterRoundChange(int target, long nowMillis, Effects.Builder out) {
    if (roundChanges.count(target) < validators.quorum()) {
      return;
    }
    if (target > currentRound || !roundStarted) {
      startRound(target, nowMillis, out);
    } else if (target == currentRound) {
      proposeIfDue(target, nowMillis, out);
    }
  }

  // --- the round ---

  private void startRound(int round, long nowMillis, Effects.Builder out) {
    if (roundStarted && round < currentRound) {
      throw new InvariantViolation("round went back from " + currentRound + " to " + round);
    }
    if (roundStarted) {
      certificateOf(currentRound).ifPresent(this::keepCertificate);
    }
    currentRound = round;
    roundStarted = true;
    rounds.headMap(round).clear();
    roundChanges.dropBelow(round);
    out.timer(
        new TimerRequest.RoundTimer(
            height, round, nowMillis + context.config().roundTimeoutMillis(round)));
    proposeIfDue(round, nowMillis, out);
    if (round(round).proposal().isPresent()) {
      acceptProposal(round, out);
    }
  }

  private void proposeIfDue(int round, long nowMillis, Effects.Builder out) {
    RoundState state = round(round);
    if (!validator.proposer(round).equals(context.key().address())
        || state.proposal().isPresent()
        || ledger.proposalAt(round).isPresent()) {
      return;
    }
    QbftMessage.Proposal proposal;
    if (round == 0) {
      proposal = propose(round, freshBlock(round, nowMillis), List.of(), List.of());
    } else if (roundChanges.count(round) >= validators.quorum()) {
      proposal = justifiedProposal(round, nowMillis);
    } else {
      return;
    }
    ledger.record(proposal);
    out.persistAndSend(proposal);
    state.setProposal(proposal);
    acceptProposal(round, out);
  }

  private QbftMessage.Proposal justifiedProposal(int round, long nowMillis) {
    List<Signed<Payload.RoundChange>> justification =
        roundChanges.forRound(round).stream().map(QbftMessage.RoundChange::signed).toList();
    Optional<QbftMessage.RoundChange> best = roundChanges.highestPrepared(round);
    if (best.isPresent()) {
      // Re-propose the highest prepared block; only its round changes (coinbase kept, as Besu).
      QbftBlock block = best.get().preparedBlock().orElseThrow().withRound(round);
      return propose(round, block, justification, best.get().prepares());
    }
    return propose(round, freshBlock(round, nowMillis), justification, List.of());
  }

  private QbftMessage.Proposal propose(
      int round,
      QbftBlock block,
      List<Signed<Payload.RoundChange>> roundChangeJustification,
      List<Signed<Payload.Prepare>> prepareJustification) {
    Signed<Payload.Proposal> signed =
        context
            .codec()
            .sign(new Payload.Proposal(new RoundId(height, round), block), context.key());
    return new QbftMessage.Proposal(signed, roundChangeJustification, prepareJustification);
  }

  private QbftBlock freshBlock(int round, long nowMillis) {
    long timestamp = context.config().blockTimestampSeconds(nowMillis, parent.timestampSeconds());
    Optional<Vote> vote =
        height % context.config().epochLength() == 0
            ? Optional.empty()
            : context.votes().choose(validators, context.tally(), context.key().address());
    QbftBlock block =
        context.blockCreator().createBlock(parent, round, timestamp, context.key().address(), vote);
    if (block.height() != height || block.round() != round) {
      throw new InvariantViolation("block creator built " + block.height() + "/" + block.round());
    }
    return block;
  }

  private void acceptProposal(int round, Effects.Builder out) {
    RoundState state = round(round);
    QbftBlock block = state.proposal().orElseThrow().block();
    if (!state.prepareSent) {
      Signed<Payload.Prepare> prepare =
          context
              .codec()
              .sign(
                  new Payload.Prepare(new RoundId(height, round), block.commitSealHash()),
                  context.key());
      QbftMessage.Prepare message = new QbftMessage.Prepare(prepare);
      ledger.record(message);
      out.persistAndSend(message);
      state.addPrepare(prepare);
      state.prepareSent = true;
    }
    checkPrepared(round, out);
  }

  private void checkPrepared(int round, Effects.Builder out) {
    RoundState state = round(round);
    if (!roundStarted || round != currentRound || state.commitSent) {
      checkCommitted(round, out);
      return;
    }
    Optional<PreparedCertificate> certificate = certificateOf(round);
    if (certificate.isEmpty()) {
      return;
    }
    QbftBlock block = certificate.get().block();
    Payload.Commit payload =
        new Payload.Commit(
            new RoundId(height, round),
            block.commitSealHash(),
            context.key().sign(block.commitSealHash()));
    QbftMessage.Commit commit =
        new QbftMessage.Commit(context.codec().sign(payload, context.key()));
    ledger.record(commit);
    keepCertificate(certificate.get());
    out.persist(new DurableRecord.Prepared(certificate.get()));
    out.persistAndSend(commit);
    state.addCommit(commit.signed());
    state.commitSent = true;
    checkCommitted(round, out);
  }

  private void checkCommitted(int round, Effects.Builder out) {
    RoundState state = round(round);
    if (decided || !roundStarted || round != currentRound || state.proposal().isEmpty()) {
      return;
    }
    List<io.fiscus.crypto.Signature> seals = state.matchingSeals();
    if (seals.size() < validators.quorum()) {
      return;
    }
    QbftBlock sealed = state.proposal().get().block().withCommitSeals(seals);
    if (sealed.round() != round || sealed.height() != height) {
      throw new InvariantViolation("sealed block is not of round " + round);
    }
    decided = true;
    out.importBlock(sealed);
  }

  private void sendRoundChange(int round, long nowMillis, Effects.Builder out) {
    Payload.RoundChange payload =
        new Payload.RoundChange(
            new RoundId(height, round), latestCertificate.map(PreparedCertificate::metadata));
    QbftMessage.RoundChange message =
        new QbftMessage.RoundChange(
            context.codec().sign(payload, context.key()),
            latestCertificate.map(PreparedCertificate::block),
            latestCertificate.map(PreparedCertificate::prepares).orElse(List.of()));
    ledger.record(message);
    out.persistAndSend(message);
    roundChanges.add(message);
    afterRoundChange(round, nowMillis, out);
  }

  // --- helpers ---

  private Optional<PreparedCertificate> certificateOf(int round) {
    RoundState state = rounds.get(round);
    if (state == null || state.proposal().isEmpty()) {
      return Optional.empty();
    }
    List<Signed<Payload.Prepare>> prepares = state.matchingPrepares();
    if (prepares.size() < validators.quorum()) {
      return Optional.empty();
    }
    return Optional.of(new PreparedCertificate(state.proposal().get().block(), round, prepares));
  }

  private void keepCertificate(PreparedCertificate certificate) {
    if (latestCertificate.isEmpty() || latestCertificate.get().round() < certificate.round()) {
      latestCertificate = Optional.of(certificate);
    }
  }

  private RoundState round(int round) {
    return rounds.computeIfAbsent(round, r -> new RoundState());
  }

  private static boolean reject(Validation validation, Effects.Builder out) {
    if (validation instanceof Validation.Invalid invalid) {
      out.notice(invalid.reason(), invalid.detail());
      return true;
    }
    return false;
  }

  Address proposer(int round) {
    return validator.proposer(round);
  }
}
