package io.fiscus.rpc.eth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fiscus.block.Log;
import io.fiscus.rpc.RpcLimits;
import io.fiscus.rpc.RpcTestSupport;
import io.fiscus.types.Hash;
import java.util.List;
import org.junit.jupiter.api.Test;

class EthLogsAndFiltersTest {
  private static final String TOKEN = "0x000000000000000000000000000000000000cb01";

  private final RpcTestSupport rpc =
      new RpcTestSupport(RpcLimits.defaults().withLogsAndFilters(3, 4, 2, 60_000));

  private Log firstLog() {
    return rpc.chain.committed(1).outcomes().get(0).receipt().logs().get(0);
  }

  @Test
  void logsAreFoundByAddressAndTopicAcrossBlocks() {
    rpc.commitTwoBlocks();
    Hash transfer = firstLog().topics().get(0);
    JsonNode logs =
        rpc.result(
            "eth_getLogs",
            "[{\"fromBlock\":\"0x0\",\"toBlock\":\"latest\",\"address\":\""
                + TOKEN
                + "\",\"topics\":[\""
                + transfer
                + "\"]}]");
    assertThat(logs).hasSize(4);
    assertThat(logs.get(0).get("blockNumber").asText()).isEqualTo("0x1");
    assertThat(logs.get(3).get("blockNumber").asText()).isEqualTo("0x2");
    assertThat(logs.get(3).get("logIndex").asText()).isEqualTo("0x0");
    assertThat(logs.get(2).get("logIndex").asText()).isEqualTo("0x2");
  }

  @Test
  void topicPositionsMatchOrListsAndWildcards() {
    rpc.commitTwoBlocks();
    Log log = firstLog();
    Hash from = log.topics().get(1);
    String query =
        "[{\"fromBlock\":\"0x1\",\"topics\":[null,[\"" + from + "\",\"" + Hash.ZERO + "\"]]}]";
    JsonNode fromFirstSender =
        rpc.result(
            "eth_getLogs",
            query.replace("\"fromBlock\":\"0x1\",", "\"fromBlock\":\"0x1\",\"toBlock\":\"0x2\","));
    assertThat(fromFirstSender).isNotEmpty();
    for (JsonNode found : fromFirstSender) {
      assertThat(found.get("topics").get(1).asText()).isEqualTo(from.toHex());
    }
    JsonNode none =
        rpc.result("eth_getLogs", "[{\"fromBlock\":\"0x0\",\"topics\":[\"" + Hash.ZERO + "\"]}]");
    assertThat(none).isEmpty();
    JsonNode otherAddress =
        rpc.result(
            "eth_getLogs",
            "[{\"fromBlock\":\"0x0\",\"address\":[\"0x000000000000000000000000000000000000cb03\"]}]");
    assertThat(otherAddress).isEmpty();
  }

  @Test
  void logsAreFoundByBlockHash() {
    rpc.commitTwoBlocks();
    String hash = rpc.chain.committed(2).hash().toHex();
    JsonNode logs = rpc.result("eth_getLogs", "[{\"blockHash\":\"" + hash + "\"}]");
    assertThat(logs).hasSize(1);
    assertThat(logs.get(0).get("blockHash").asText()).isEqualTo(hash);
    assertThat(
            rpc.error("eth_getLogs", "[{\"blockHash\":\"" + hash + "\",\"fromBlock\":\"0x1\"}]")
                .get("code")
                .asInt())
        .isEqualTo(-32602);
  }

  @Test
  void aWideRangeOrAnOversizeAnswerIsLimitExceeded() {
    rpc.commitTwoBlocks();
    rpc.chain.commit(List.of(rpc.workload.transfer(3, 1, 1, 1), rpc.workload.transfer(3, 2, 1, 2)));
    JsonNode range = rpc.error("eth_getLogs", "[{\"fromBlock\":\"0x0\",\"toBlock\":\"0x3\"}]");
    assertThat(range.get("code").asInt()).isEqualTo(-32005);
    assertThat(range.get("message").asText()).isEqualTo("Limit exceeded");
    assertThat(range.get("data").asText()).contains("block range");
    assertThat(rpc.result("eth_getLogs", "[{\"fromBlock\":\"0x0\",\"toBlock\":\"0x2\"}]"))
        .hasSize(4);
    JsonNode answer = rpc.error("eth_getLogs", "[{\"fromBlock\":\"0x1\",\"toBlock\":\"0x3\"}]");
    assertThat(answer.get("code").asInt()).isEqualTo(-32005);
    assertThat(answer.get("data").asText()).contains("more than 4 logs");
  }

  @Test
  void badFiltersAreInvalidParams() {
    rpc.commitTwoBlocks();
    for (String filter :
        List.of(
            "[{\"address\":\"0x12\"}]",
            "[{\"topics\":[1]}]",
            "[{\"topics\":[null,null,null,null,null]}]",
            "[{\"fromBlock\":\"0x2\",\"toBlock\":\"0x1\"}]",
            "[{\"fromBlock\":\"yesterday\"}]",
            "[\"not an object\"]")) {
      assertThat(rpc.error("eth_getLogs", filter).get("code").asInt()).as(filter).isEqualTo(-32602);
    }
  }

  @Test
  void aBlockFilterReportsEachNewBlockOnce() {
    String id = rpc.result("eth_newBlockFilter", "[]").asText();
    assertThat(rpc.result("eth_getFilterChanges", "[\"" + id + "\"]")).isEmpty();
    rpc.commitTwoBlocks();
    JsonNode changes = rpc.result("eth_getFilterChanges", "[\"" + id + "\"]");
    assertThat(changes).hasSize(2);
    assertThat(changes.get(1).asText()).isEqualTo(rpc.chain.committed(2).hash().toHex());
    assertThat(rpc.result("eth_getFilterChanges", "[\"" + id + "\"]")).isEmpty();
    assertThat(rpc.result("eth_uninstallFilter", "[\"" + id + "\"]").asBoolean()).isTrue();
    assertThat(rpc.result("eth_uninstallFilter", "[\"" + id + "\"]").asBoolean()).isFalse();
    assertThat(rpc.error("eth_getFilterChanges", "[\"" + id + "\"]").get("message").asText())
        .isEqualTo("Filter not found");
  }

  @Test
  void aLogFilterReportsNewMatchingLogsAndAllOfThemOnRequest() {
    String id =
        rpc.result("eth_newFilter", "[{\"fromBlock\":\"0x0\",\"address\":\"" + TOKEN + "\"}]")
            .asText();
    rpc.chain.commit(List.of(rpc.workload.transfer(1, 2, 1, 0)));
    assertThat(rpc.result("eth_getFilterChanges", "[\"" + id + "\"]")).hasSize(1);
    rpc.chain.commit(List.of(rpc.workload.transfer(1, 2, 1, 1)));
    JsonNode changes = rpc.result("eth_getFilterChanges", "[\"" + id + "\"]");
    assertThat(changes).hasSize(1);
    assertThat(changes.get(0).get("blockNumber").asText()).isEqualTo("0x2");
    assertThat(rpc.result("eth_getFilterLogs", "[\"" + id + "\"]")).hasSize(2);
  }

  @Test
  void idleFiltersExpireAndTheirNumberIsBounded() {
    String first = rpc.result("eth_newBlockFilter", "[]").asText();
    rpc.result("eth_newBlockFilter", "[]");
    assertThat(rpc.error("eth_newBlockFilter", "[]").get("code").asInt()).isEqualTo(-32005);
    rpc.clockMillis.addAndGet(30_000);
    rpc.result("eth_getFilterChanges", "[\"" + first + "\"]");
    rpc.clockMillis.addAndGet(40_000);
    // The second filter was idle for 70 s (> 60 s) and is swept; the first was polled 40 s ago.
    String third = rpc.result("eth_newBlockFilter", "[]").asText();
    assertThat(rpc.result("eth_getFilterChanges", "[\"" + first + "\"]")).isEmpty();
    rpc.clockMillis.addAndGet(61_000);
    assertThat(rpc.error("eth_getFilterChanges", "[\"" + third + "\"]").get("code").asInt())
        .isEqualTo(-32000);
  }
}
