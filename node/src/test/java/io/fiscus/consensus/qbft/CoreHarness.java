package io.fiscus.consensus.qbft;

import io.fiscus.consensus.qbft.sim.CachingRecovery;
import io.fiscus.consensus.qbft.sim.Simulation;
import io.fiscus.consensus.qbft.sim.ToyBlock;
import io.fiscus.consensus.qbft.sim.ToyBlockCodec;
import io.fiscus.consensus.qbft.sim.ToyChainRules;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A fixed validator set, toy blocks and helpers to script other validators' messages. */
final class CoreHarness {
  static final QbftConfig CONFIG = QbftConfig.of(1_000, 2_000);
  final List<NodeKey> keys;
  final Validators validators;
  final ToyChainRules rules = new ToyChainRules(1_000, CONFIG.epochLength());
  final ToyBlockCodec blockCodec = new ToyBlockCodec();
  final CachingRecovery recovery = new CachingRecovery();
  final QbftMessageCodec codec = new QbftMessageCodec(blockCodec, recovery);
  final ToyBlock genesis = ToyBlock.genesis(0);
  final VoteTally tally;

  CoreHarness(int n) {
    keys = Simulation.keys(n);
    List<Address> addresses = new ArrayList<>();
    keys.forEach(key -> addresses.add(key.address()));
    validators = Validators.of(addresses);
    tally = VoteTally.genesis(validators);
  }

  NodeKey keyOf(Address address) {
    return keys.stream().filter(k -> k.address().equals(address)).findFirst().orElseThrow();
  }

  NodeKey proposer(int round) {
    return keyOf(validators.proposer(genesis.proposer(), round));
  }

  /** Some validator that is not the proposer of round 0 or 1. */
  NodeKey bystander() {
    return keys.stream()
        .filter(k -> !k.equals(proposer(0)) && !k.equals(proposer(1)))
        .findFirst()
        .orElseThrow();
  }

  QbftCore core(NodeKey key, List<DurableRecord> records) {
    return new QbftCore(CONFIG, key, blockCodec, rules, rules, recovery, records);
  }

  Effects start(QbftCore core) {
    return core.handle(new Event.NewChainHead(0, genesis, tally));
  }

  QbftBlock block(int round, NodeKey proposer) {
    return rules.createBlock(genesis, round, 1, proposer.address(), Optional.empty());
  }

  QbftBlock otherBlock(int round, NodeKey proposer) {
    ToyBlock toy = (ToyBlock) block(round, proposer);
    return new ToyBlock(
        toy.height(),
        round,
        toy.proposer(),
        toy.parentHash(),
        toy.timestampSeconds(),
        Optional.empty(),
        toy.body().concat(Bytes.of((byte) 1)),
        List.of());
  }

  QbftMessage.Proposal proposal(int round, QbftBlock block, NodeKey author) {
    return new QbftMessage.Proposal(
        codec.sign(new Payload.Proposal(new RoundId(1, round), block), author),
        List.of(),
        List.of());
  }

  Signed<Payload.Prepare> prepare(int round, QbftBlock block, NodeKey author) {
    return codec.sign(new Payload.Prepare(new RoundId(1, round), block.commitSealHash()), author);
  }

  QbftMessage.Commit commit(int round, QbftBlock block, NodeKey author) {
    return new QbftMessage.Commit(
        codec.sign(
            new Payload.Commit(
                new RoundId(1, round), block.commitSealHash(), author.sign(block.commitSealHash())),
            author));
  }

  QbftMessage.RoundChange roundChange(int target, NodeKey author, PreparedCertificate certificate) {
    Optional<PreparedCertificate> pc = Optional.ofNullable(certificate);
    return new QbftMessage.RoundChange(
        codec.sign(
            new Payload.RoundChange(new RoundId(1, target), pc.map(PreparedCertificate::metadata)),
            author),
        pc.map(PreparedCertificate::block),
        pc.map(PreparedCertificate::prepares).orElse(List.of()));
  }

  /** A certificate for {@code block} at {@code round} signed by the first quorum of validators. */
  PreparedCertificate certificate(int round, QbftBlock block) {
    List<Signed<Payload.Prepare>> prepares = new ArrayList<>();
    for (int i = 0; i < validators.quorum(); i++) {
      prepares.add(prepare(round, block, keys.get(i)));
    }
    return new PreparedCertificate(block, round, prepares);
  }

  Event receive(long nowMillis, QbftMessage message) {
    return new Event.MessageReceived(nowMillis, codec.encode(message));
  }
}
