package io.fiscus.consensus.qbft.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.consensus.qbft.NodeKey;
import io.fiscus.consensus.qbft.Payload;
import io.fiscus.consensus.qbft.QbftBlock;
import io.fiscus.consensus.qbft.QbftMessage;
import io.fiscus.consensus.qbft.QbftMessageCodec;
import io.fiscus.consensus.qbft.RoundId;
import io.fiscus.consensus.qbft.Validators;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The checkers must be able to fail: feed them the violations they exist to catch. */
class SafetyCheckerTest {
  private final List<NodeKey> keys = Simulation.keys(4);
  private final CachingRecovery recovery = new CachingRecovery();
  private final QbftMessageCodec codec = new QbftMessageCodec(new ToyBlockCodec(), recovery);
  private final Validators validators = Validators.of(keys.stream().map(NodeKey::address).toList());
  private final SimNode node = new SimNode(0, keys.get(0), Optional.empty());

  private QbftBlock sealed(byte body, int sealers) {
    ToyBlock block =
        new ToyBlock(
            1, 0, keys.get(0).address(), Hash.ZERO, 1, Optional.empty(), Bytes.of(body), List.of());
    return block.withCommitSeals(
        keys.subList(0, sealers).stream().map(k -> k.sign(block.commitSealHash())).toList());
  }

  @Test
  void twoDifferentBlocksAtOneHeightAreAFork() {
    SafetyChecker checker = new SafetyChecker(recovery);

    checker.onFinalized(node, sealed((byte) 1, 3), validators);
    checker.onFinalized(node, sealed((byte) 2, 3), validators);

    assertThat(checker.violations()).singleElement().asString().contains("second block");
  }

  @Test
  void aBlockWithoutAQuorumOfSealsIsInvalid() {
    SafetyChecker checker = new SafetyChecker(recovery);

    checker.onFinalized(node, sealed((byte) 1, 2), validators);

    assertThat(checker.violations()).singleElement().asString().contains("INSUFFICIENT_SEALS");
  }

  @Test
  void twoDifferentPreparesInOneRoundAreDoubleSigning() {
    SafetyChecker checker = new SafetyChecker(recovery);
    RoundId id = new RoundId(1, 0);

    checker.onSigned(
        node, new QbftMessage.Prepare(codec.sign(new Payload.Prepare(id, Hash.ZERO), keys.get(0))));
    checker.onSigned(
        node,
        new QbftMessage.Prepare(codec.sign(new Payload.Prepare(id, Hash.EMPTY_DATA), keys.get(0))));

    assertThat(checker.violations()).singleElement().asString().contains("double-signed");
  }

  @Test
  void aPrepareInARoundAlreadyLeftByRoundChangeIsCaught() {
    SafetyChecker checker = new SafetyChecker(recovery);

    checker.onSigned(
        node,
        new QbftMessage.RoundChange(
            codec.sign(new Payload.RoundChange(new RoundId(1, 2), Optional.empty()), keys.get(0)),
            Optional.empty(),
            List.of()));
    checker.onSigned(
        node,
        new QbftMessage.Prepare(
            codec.sign(new Payload.Prepare(new RoundId(1, 1), Hash.ZERO), keys.get(0))));

    assertThat(checker.violations()).singleElement().asString().contains("after leaving it");
  }
}
