package io.fiscus.client.demo;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.response.EthBlock;

/**
 * Step 8: what the demo left on the ledger (blocks, transactions, money supply) and the proof that
 * the validators agree: the same state root at the same height on every one of them.
 */
final class SummaryStep implements DemoStep {
  private static final Duration AGREEMENT_TIMEOUT = Duration.ofSeconds(60);

  @Override
  public String title() {
    return "Summary";
  }

  @Override
  public void run(DemoContext demo) {
    long height = demo.nodes.awaitAllAbove(demo.startHeight, AGREEMENT_TIMEOUT);
    demo.act(
        "this demo's blocks and transactions",
        () -> transactionsBetween(demo, demo.startHeight + 1, height),
        transactions ->
            Console.count(height - demo.startHeight, "block")
                + ", "
                + Console.count(transactions, "transaction")
                + ", up to block "
                + height);
    demo.act(
        "money in circulation (issued - redeemed)",
        () -> demo.nodes.validator(1).rpc().cbdcGetSupply().send().getSupply(),
        supply -> demo.money(supply.totalSupply()));
    demo.act(
        "the state root of block " + height + " on each validator",
        () -> agreedStateRoot(demo, height),
        root -> "identical " + Console.onAll(demo.nodes.size()) + ": " + abbreviate(root));
  }

  private static long transactionsBetween(DemoContext demo, long from, long to) throws IOException {
    ValidatorNode node = demo.nodes.validator(1);
    long total = 0;
    for (long h = from; h <= to; h++) {
      total +=
          node.rpc()
              .ethGetBlockTransactionCountByNumber(
                  DefaultBlockParameter.valueOf(BigInteger.valueOf(h)))
              .send()
              .getTransactionCount()
              .longValueExact();
    }
    return total;
  }

  private static String agreedStateRoot(DemoContext demo, long height) throws IOException {
    List<String> roots = new ArrayList<>();
    for (ValidatorNode node : demo.nodes.validators) {
      EthBlock.Block block =
          node.rpc()
              .ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(height)), false)
              .send()
              .getBlock();
      if (block == null) {
        throw new DemoContext.StepFailedException(node.name + " has no block " + height);
      }
      roots.add(block.getStateRoot());
    }
    if (roots.stream().distinct().count() != 1) {
      StringBuilder detail = new StringBuilder("the validators disagree:");
      for (int i = 0; i < roots.size(); i++) {
        detail
            .append(' ')
            .append(demo.nodes.validators.get(i).name)
            .append('=')
            .append(roots.get(i));
      }
      throw new DemoContext.StepFailedException(detail.toString());
    }
    return roots.get(0);
  }

  static String abbreviate(String hash) {
    return hash.length() <= 18
        ? hash
        : hash.substring(0, 10) + "…" + hash.substring(hash.length() - 6);
  }
}
