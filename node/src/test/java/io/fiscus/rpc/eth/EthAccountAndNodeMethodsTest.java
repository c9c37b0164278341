package io.fiscus.rpc.eth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fiscus.rpc.RpcTestSupport;
import io.fiscus.tx.SignedTransaction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EthAccountAndNodeMethodsTest {
  private final RpcTestSupport rpc = new RpcTestSupport();

  @BeforeEach
  void commitBlocks() {
    rpc.commitTwoBlocks();
  }

  @Test
  void aRawTransactionEntersThePoolAndADuplicateIsRefusedWithBesuCode() {
    SignedTransaction transaction = rpc.workload.transfer(3, 1, 1, 1);
    String raw = "[\"" + transaction.raw().toHex() + "\"]";
    assertThat(rpc.result("eth_sendRawTransaction", raw).asText())
        .isEqualTo(transaction.hash().toHex());
    JsonNode duplicate = rpc.error("eth_sendRawTransaction", raw);
    assertThat(duplicate.get("code").asInt()).isEqualTo(-32000);
    assertThat(duplicate.get("message").asText()).isEqualTo("Known transaction");
    assertThat(duplicate.get("data").asText()).isEqualTo(transaction.hash().toHex());
  }

  @Test
  void malformedRawTransactionsAreRefused() {
    assertThat(rpc.error("eth_sendRawTransaction", "[\"0xc0\"]").get("code").asInt())
        .isEqualTo(-32602);
    assertThat(rpc.error("eth_sendRawTransaction", "[\"0xzz\"]").get("code").asInt())
        .isEqualTo(-32602);
    assertThat(rpc.error("eth_sendRawTransaction", "[]").get("code").asInt()).isEqualTo(-32602);
  }

  @Test
  void transactionCountReadsTheStateAndThePoolForPending() {
    String account = rpc.workload.account(1).toHex();
    assertThat(rpc.result("eth_getTransactionCount", "[\"" + account + "\", \"latest\"]").asText())
        .isEqualTo("0x2");
    assertThat(rpc.result("eth_getTransactionCount", "[\"" + account + "\", \"0x0\"]").asText())
        .isEqualTo("0x0");
    assertThat(rpc.result("eth_getTransactionCount", "[\"" + account + "\", \"0x1\"]").asText())
        .isEqualTo("0x2");
    rpc.pool.submit(rpc.workload.transfer(1, 2, 1, 2).raw());
    rpc.pool.submit(rpc.workload.transfer(1, 2, 1, 3).raw());
    assertThat(rpc.result("eth_getTransactionCount", "[\"" + account + "\", \"pending\"]").asText())
        .isEqualTo("0x4");
    assertThat(rpc.result("eth_getTransactionCount", "[\"" + account + "\", \"latest\"]").asText())
        .isEqualTo("0x2");
  }

  @Test
  void balancesAreZeroAndOnlySystemContractsHaveCode() {
    String account = rpc.workload.account(1).toHex();
    assertThat(rpc.result("eth_getBalance", "[\"" + account + "\", \"latest\"]").asText())
        .isEqualTo("0x0");
    assertThat(
            rpc.result(
                    "eth_getCode", "[\"0x000000000000000000000000000000000000cb01\", \"latest\"]")
                .asText())
        .isEqualTo("0xfe");
    assertThat(rpc.result("eth_getCode", "[\"" + account + "\", \"latest\"]").asText())
        .isEqualTo("0x");
    assertThat(rpc.error("eth_getCode", "[\"0x1234\", \"latest\"]").get("code").asInt())
        .isEqualTo(-32602);
  }

  @Test
  void sendTransactionIsNotSupported() {
    JsonNode error = rpc.error("eth_sendTransaction", "[{}]");
    assertThat(error.get("code").asInt()).isEqualTo(-32604);
    assertThat(error.get("message").asText())
        .isEqualTo(
            "The method eth_sendTransaction is not supported. Use eth_sendRawTransaction to send a"
                + " signed transaction.");
  }

  @Test
  void feesAreZeroWithTheShapeOfTheRequestedHistory() {
    assertThat(rpc.result("eth_gasPrice", "[]").asText()).isEqualTo("0x0");
    assertThat(rpc.result("eth_maxPriorityFeePerGas", "[]").asText()).isEqualTo("0x0");
    JsonNode history = rpc.result("eth_feeHistory", "[\"0x2\", \"latest\", [25, 75]]");
    assertThat(history.get("oldestBlock").asText()).isEqualTo("0x1");
    assertThat(history.get("baseFeePerGas")).hasSize(3);
    assertThat(history.get("gasUsedRatio")).hasSize(2);
    assertThat(history.get("reward")).hasSize(2);
    assertThat(history.get("reward").get(0)).hasSize(2);
    JsonNode clamped = rpc.result("eth_feeHistory", "[10, \"0x1\"]");
    assertThat(clamped.get("oldestBlock").asText()).isEqualTo("0x0");
    assertThat(clamped.get("gasUsedRatio")).hasSize(2);
    assertThat(clamped.has("reward")).isFalse();
    assertThat(rpc.error("eth_feeHistory", "[\"0x0\", \"latest\"]").get("code").asInt())
        .isEqualTo(-32602);
  }

  @Test
  void nodeMethodsDescribeTheNode() {
    assertThat(rpc.result("web3_clientVersion", "[]").asText())
        .matches("fiscus/v0\\.1\\.0/.+/java-\\d+");
    assertThat(rpc.result("web3_sha3", "[\"0x68656c6c6f20776f726c64\"]").asText())
        .isEqualTo("0x47173285a8d7341e5e972fc677286384f802f8ef42a5ec5f03bbfa254cb01fad");
    assertThat(rpc.result("net_listening", "[]").asBoolean()).isTrue();
    assertThat(rpc.result("net_peerCount", "[]").asText()).isEqualTo("0x0");
    assertThat(rpc.result("eth_accounts", "[]")).isEmpty();
    assertThat(rpc.result("admin_peers", "[]")).isEmpty();
    JsonNode info = rpc.result("admin_nodeInfo", "[]");
    assertThat(info.get("enode").asText()).startsWith("enode://");
    assertThat(info.get("ports").get("listener").asInt()).isEqualTo(30303);
    assertThat(info.get("listenAddr").asText())
        .isEqualTo(info.get("enode").asText().replaceFirst(".*@", ""));
    assertThat(info.get("protocols").get("eth").get("genesis").asText())
        .isEqualTo(rpc.chain.chainStore().genesisHash().toHex());
  }

  @Test
  void poolStatusAndModulesAreReported() {
    rpc.pool.submit(rpc.workload.transfer(1, 2, 1, 2).raw());
    JsonNode status = rpc.result("txpool_status", "[]");
    assertThat(status.get("pending").asText()).isEqualTo("0x1");
    assertThat(status.get("queued").asText()).isEqualTo("0x0");
    JsonNode modules = rpc.result("rpc_modules", "[]");
    assertThat(modules.get("eth").asText()).isEqualTo("1.0");
    assertThat(modules.has("net")).isTrue();
    assertThat(modules.has("web3")).isTrue();
    assertThat(modules.has("txpool")).isTrue();
    assertThat(modules.has("admin")).isTrue();
  }
}
