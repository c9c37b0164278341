package io.fiscus.client.demo;

import io.fiscus.block.QbftExtraDataCodec;
import io.fiscus.client.Amount;
import io.fiscus.types.Bytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Locale;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.response.EthBlock;

/**
 * Step 6: the last validator is killed (SIGKILL, as a power cut); payments keep finalizing with the
 * others, a quorum; the validator is restarted and catches up from its peers. A network of fewer
 * than four validators cannot lose one (QBFT tolerates {@code f} faults among {@code 3f+1}), so
 * there the step says so and moves on.
 */
final class ValidatorFailureStep implements DemoStep {
  static final int PAYMENTS_WHILE_DOWN = 3;
  static final Amount PAYMENT = Amount.parse("5");
  private static final Duration RESTART_TIMEOUT = Duration.ofMinutes(2);

  @Override
  public String title() {
    return "A validator fails";
  }

  static boolean canLoseOne(int validators) {
    return validators >= 4;
  }

  /** QBFT's quorum of {@code n} validators, {@code ((2n-1)/3)+1}, as Besu counts it. */
  static int quorum(int validators) {
    return (2 * validators - 1) / 3 + 1;
  }

  @Override
  public void run(DemoContext demo) {
    int n = demo.nodes.size();
    if (!canLoseOne(n)) {
      demo.console.action("kill a validator");
      demo.console.result(
          Console.Outcome.DONE,
          n == 1
              ? "skipped: a single validator cannot lose one"
              : "skipped: " + n + " validators cannot lose one (4 can)");
      return;
    }
    ValidatorNode victim = demo.nodes.validator(n);
    long killedAt = System.nanoTime();
    demo.act(
        victim.name + " killed (SIGKILL)",
        () -> {
          victim.kill();
          return victim.exitCode();
        },
        exit -> (n - 1) + " of " + n + " validators left; a block needs " + quorum(n));
    for (int i = 1; i <= PAYMENTS_WHILE_DOWN; i++) {
      long started = System.nanoTime();
      demo.act(
          String.format(
              Locale.ROOT,
              "customer-2 pays merchant %s (%d of %d)",
              demo.money(PAYMENT),
              i,
              PAYMENTS_WHILE_DOWN),
          () ->
              demo.parties
                  .customer2
                  .client()
                  .token()
                  .transfer(demo.parties.merchant.address(), PAYMENT)
                  .send(),
          result ->
              DemoContext.block(result)
                  + seconds(" after ", started)
                  + roundNote(demo, victim, result.blockNumber()));
    }
    long behindAt =
        demo.act(
            victim.name + " restarted",
            () -> restart(victim),
            height -> "serving again at block " + height + seconds(", down ", killedAt));
    long target = demo.nodes.highestHeight();
    long catchUpStarted = System.nanoTime();
    demo.act(
        victim.name + " catches up",
        () -> demo.nodes.awaitAbove(victim, target - 1, RESTART_TIMEOUT),
        height ->
            "at block "
                + height
                + " with the others (+"
                + (height - behindAt)
                + seconds(" blocks in ", catchUpStarted)
                + ")");
  }

  /**
   * When the dead validator's turn to propose came, the others waited out the round timer and moved
   * to round 1 with the next proposer: the block's extraData says which round sealed it.
   */
  private static String roundNote(DemoContext demo, ValidatorNode victim, long blockNumber) {
    try {
      EthBlock.Block block =
          demo.nodes
              .validator(1)
              .rpc()
              .ethGetBlockByNumber(
                  DefaultBlockParameter.valueOf(BigInteger.valueOf(blockNumber)), false)
              .send()
              .getBlock();
      int round = QbftExtraDataCodec.decode(Bytes.fromHex(block.getExtraData())).round();
      return round == 0 ? "" : " (round " + round + ": " + victim.name + "'s turn timed out)";
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static long restart(ValidatorNode victim) {
    try {
      victim.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    DevnetNodes.awaitServing(victim, RESTART_TIMEOUT);
    return DevnetNodes.height(victim).orElse(0);
  }

  private static String seconds(String prefix, long startedNanos) {
    return String.format(Locale.ROOT, "%s%.1f s", prefix, (System.nanoTime() - startedNanos) / 1e9);
  }
}
