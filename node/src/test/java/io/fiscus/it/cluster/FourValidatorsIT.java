package io.fiscus.it.cluster;

import static io.fiscus.it.cluster.ClusterTests.FIRST_BLOCKS;
import static io.fiscus.it.cluster.ClusterTests.RECOVERY;
import static io.fiscus.it.cluster.ClusterTests.diagnosed;
import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.it.LedgerCalls;
import io.fiscus.it.Wallet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Four validator processes: transfers submitted to each of them are finalized, every validator
 * proposes in turn, and all four hold the same blocks and the same ledger.
 */
class FourValidatorsIT {

  @Test
  void transfersSubmittedToDifferentValidatorsFinalizeAndAllNodesAgree(@TempDir Path dir) {
    try (Cluster cluster = Cluster.builder().validators(4).blockPeriodMillis(250).build(dir)) {
      diagnosed(
          cluster,
          () -> {
            cluster.startValidators();
            cluster.awaitAllAtLeast(2, FIRST_BLOCKS);
            String merchant = cluster.network().account("merchant").getAddress();
            long merchantBefore = balance(cluster.node(0), merchant);

            // Each sender submits through its own validator; receipts are read on the next one.
            String[] senders = {"bank-a", "bank-b", "customer-2", "central-bank"};
            long[] amounts = {7, 11, 13, 0};
            List<String> sent = new ArrayList<>();
            List<ClusterNode> readers = new ArrayList<>();
            for (int v = 0; v < 4; v++) {
              ClusterNode via = cluster.node(v);
              Wallet wallet =
                  new Wallet(
                      via.web3j(),
                      cluster.network().chainId,
                      cluster.network().account(senders[v]));
              for (int i = 0; i < 5; i++) {
                LedgerCalls.Call call =
                    amounts[v] == 0
                        ? LedgerCalls.mint(cluster.network().account("bank-a").getAddress(), 1_000)
                        : LedgerCalls.transfer(merchant, amounts[v]);
                sent.add(wallet.send(call));
                readers.add(cluster.node((v + 1) % 4));
              }
            }
            for (int i = 0; i < sent.size(); i++) {
              TransactionReceipt receipt =
                  Wallet.awaitReceipt(readers.get(i).web3j(), sent.get(i), Duration.ofSeconds(30));
              assertThat(receipt.isStatusOK())
                  .as("receipt of " + sent.get(i) + " (" + receipt.getRevertReason() + ")")
                  .isTrue();
            }

            long expected = merchantBefore + 5 * (7 + 11 + 13);
            cluster.await(
                "every node to show the merchant's new balance",
                RECOVERY,
                () -> cluster.nodes().stream().allMatch(n -> balance(n, merchant) == expected));

            long height = cluster.node(0).head().number() + 4;
            cluster.awaitAllAtLeast(height, RECOVERY);
            Head agreed = cluster.assertAgreeAt(height);
            assertThat(agreed.stateRoot()).startsWith("0x").hasSize(66);
            cluster.assertAgreeFromTo(1, height);

            Set<String> proposers = new TreeSet<>();
            for (long n = 1; n <= height; n++) {
              proposers.add(cluster.node(0).blockAt(n).miner());
            }
            assertThat(proposers)
                .as("coinbases of blocks 1..%d", height)
                .containsAll(cluster.validators().stream().map(ClusterNode::address).toList());
          });
    }
  }

  private static long balance(ClusterNode node, String account) {
    return Long.parseLong(node.rpc().result("cbdc_getAccount", account).get("balance").asText());
  }
}
