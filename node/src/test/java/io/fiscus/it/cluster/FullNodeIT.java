package io.fiscus.it.cluster;

import static io.fiscus.it.cluster.ClusterTests.FIRST_BLOCKS;
import static io.fiscus.it.cluster.ClusterTests.RECOVERY;
import static io.fiscus.it.cluster.ClusterTests.diagnosed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fiscus.it.LedgerCalls;
import io.fiscus.it.Wallet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * A bank's full node, started after the chain has grown: it syncs, follows new blocks, answers
 * {@code eth_} and {@code cbdc_} queries exactly as a validator does, forwards a transaction
 * submitted to it, and never proposes.
 */
class FullNodeIT {

  @Test
  void fullNodeFollowsServesTheSameAnswersAndForwardsTransactions(@TempDir Path dir) {
    try (Cluster cluster =
        Cluster.builder().validators(4).blockPeriodMillis(250).fullNodes(1).build(dir)) {
      diagnosed(
          cluster,
          () -> {
            cluster.startValidators();
            cluster.awaitAllAtLeast(2, FIRST_BLOCKS);
            ClusterNode validator = cluster.node(0);
            Wallet bankA =
                new Wallet(
                    validator.web3j(),
                    cluster.network().chainId,
                    cluster.network().account("bank-a"));
            String merchant = cluster.network().account("merchant").getAddress();
            TransactionReceipt beforeFullNode = bankA.execute(LedgerCalls.transfer(merchant, 500));
            assertThat(beforeFullNode.isStatusOK()).isTrue();

            ClusterNode full = cluster.fullNodes().get(0);
            cluster.start(List.of(full));
            long validatorHead = validator.head().number();
            cluster.awaitHeight(full, validatorHead + 2, RECOVERY);
            cluster.assertAgreeFromTo(1, validatorHead);

            // A transfer submitted to the full node reaches the validators and is finalized.
            Wallet viaFullNode =
                new Wallet(
                    full.web3j(), cluster.network().chainId, cluster.network().account("bank-b"));
            String forwarded = viaFullNode.send(LedgerCalls.transfer(merchant, 250));
            TransactionReceipt onValidator =
                Wallet.awaitReceipt(cluster.node(1).web3j(), forwarded, Duration.ofSeconds(30));
            assertThat(onValidator.isStatusOK()).isTrue();
            TransactionReceipt onFullNode =
                Wallet.awaitReceipt(full.web3j(), forwarded, Duration.ofSeconds(30));
            assertThat(onFullNode.getBlockHash()).isEqualTo(onValidator.getBlockHash());

            long height = onValidator.getBlockNumber().longValueExact();
            cluster.awaitAllAtLeast(height, RECOVERY);
            assertSameAnswers(validator, full, height, merchant, beforeFullNode, forwarded);

            assertThat(full.rpc().result("qbft_getValidatorsByBlockNumber", "latest")).hasSize(4);
            for (long n = 1; n <= full.head().number(); n++) {
              assertThat(full.blockAt(n).miner()).isNotEqualTo(full.address());
            }
          });
    }
  }

  private static void assertSameAnswers(
      ClusterNode validator,
      ClusterNode full,
      long height,
      String merchant,
      TransactionReceipt early,
      String forwarded) {
    String block = "0x" + Long.toHexString(height);
    List<Object[]> queries =
        List.of(
            new Object[] {"eth_getBlockByNumber", block, true},
            new Object[] {"eth_getTransactionReceipt", early.getTransactionHash()},
            new Object[] {"eth_getTransactionByHash", forwarded},
            new Object[] {"eth_getTransactionCount", merchant, block},
            new Object[] {
              "eth_call",
              Map.of("to", LedgerCalls.TOKEN, "data", LedgerCalls.balanceOf(merchant).data()),
              block
            },
            new Object[] {"cbdc_getAccount", merchant},
            new Object[] {"cbdc_getSupply"},
            new Object[] {"cbdc_getAccountHistory", merchant, Map.of()},
            new Object[] {"cbdc_getFinalityProof", early.getTransactionHash()});
    for (Object[] query : queries) {
      String method = (String) query[0];
      Object[] params = java.util.Arrays.copyOfRange(query, 1, query.length);
      JsonNode fromValidator = withoutCommitSeals(validator.rpc().result(method, params));
      JsonNode fromFull = withoutCommitSeals(full.rpc().result(method, params));
      assertThat(fromFull).as("%s on the full node", method).isEqualTo(fromValidator);
    }
  }

  /**
   * Each node commits a block once it holds some quorum of commit seals, not necessarily the same
   * quorum, and the block hash leaves the seals out (as in Besu): so the header bytes carrying them
   * (extraData, the block's size, a finality proof's header) may differ while the block is the
   * same.
   */
  private static JsonNode withoutCommitSeals(JsonNode answer) {
    if (answer instanceof ObjectNode object) {
      ObjectNode copy = object.deepCopy();
      copy.remove(List.of("extraData", "size", "header"));
      return copy;
    }
    return answer;
  }
}
