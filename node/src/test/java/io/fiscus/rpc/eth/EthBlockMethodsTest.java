package io.fiscus.rpc.eth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fiscus.abi.RevertData;
import io.fiscus.block.BlockCodec;
import io.fiscus.chain.CommittedBlock;
import io.fiscus.rpc.RpcTestSupport;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.types.Hash;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EthBlockMethodsTest {
  private final RpcTestSupport rpc = new RpcTestSupport();
  private CommittedBlock first;
  private CommittedBlock second;

  @BeforeEach
  void commitBlocks() {
    rpc.commitTwoBlocks();
    first = rpc.chain.committed(1);
    second = rpc.chain.committed(2);
  }

  @Test
  void headAndChainIdAreHexQuantities() {
    assertThat(rpc.result("eth_blockNumber", "[]").asText()).isEqualTo("0x2");
    assertThat(rpc.result("eth_chainId", "[]").asText()).isEqualTo("0x539");
    assertThat(rpc.result("net_version", "[]").asText()).isEqualTo("1337");
  }

  @Test
  void aBlockHasEveryEthereumHeaderField() {
    JsonNode block = rpc.result("eth_getBlockByNumber", "[\"0x1\", false]");
    assertThat(block.get("number").asText()).isEqualTo("0x1");
    assertThat(block.get("hash").asText()).isEqualTo(first.hash().toHex());
    assertThat(block.get("parentHash").asText()).isEqualTo(rpc.chain.genesisHash().toHex());
    assertThat(block.get("sha3Uncles").asText()).isEqualTo(Hash.EMPTY_LIST.toHex());
    assertThat(block.get("miner").asText()).isEqualTo("0x00000000000000000000000000000000000000aa");
    assertThat(block.get("stateRoot").asText())
        .isEqualTo(first.block().header().stateRoot().toHex());
    assertThat(block.get("transactionsRoot").asText())
        .isEqualTo(first.block().header().transactionsRoot().toHex());
    assertThat(block.get("receiptsRoot").asText())
        .isEqualTo(first.block().header().receiptsRoot().toHex());
    assertThat(block.get("logsBloom").asText()).hasSize(2 + 512);
    assertThat(block.get("difficulty").asText()).isEqualTo("0x1");
    assertThat(block.get("totalDifficulty").asText()).isEqualTo("0x2");
    assertThat(block.get("gasLimit").asText()).isEqualTo("0x1c9c380");
    assertThat(block.get("gasUsed").asText())
        .isEqualTo("0x" + Long.toHexString(first.block().header().gasUsed()));
    assertThat(block.get("timestamp").asText())
        .isEqualTo("0x" + Long.toHexString(first.block().header().timestamp()));
    assertThat(block.get("extraData").asText())
        .isEqualTo(first.block().header().extraData().toHex());
    assertThat(block.get("mixHash").asText())
        .isEqualTo("0x63746963616c2062797a616e74696e65206661756c7420746f6c6572616e6365");
    assertThat(block.get("nonce").asText()).isEqualTo("0x0000000000000000");
    assertThat(block.get("baseFeePerGas").asText()).isEqualTo("0x0");
    assertThat(block.get("size").asText())
        .isEqualTo("0x" + Integer.toHexString(BlockCodec.encode(first.block()).size()));
    assertThat(block.get("uncles")).isEmpty();
    assertThat(block.get("transactions")).hasSize(4);
    assertThat(block.get("transactions").get(0).asText())
        .isEqualTo(first.transactions().get(0).hash().toHex());
  }

  @Test
  void aFullBlockCarriesTransactionObjects() {
    JsonNode block = rpc.result("eth_getBlockByNumber", "[\"0x1\", true]");
    JsonNode transaction = block.get("transactions").get(1);
    SignedTransaction expected = first.transactions().get(1);
    assertThat(transaction.get("hash").asText()).isEqualTo(expected.hash().toHex());
    assertThat(transaction.get("blockHash").asText()).isEqualTo(first.hash().toHex());
    assertThat(transaction.get("blockNumber").asText()).isEqualTo("0x1");
    assertThat(transaction.get("transactionIndex").asText()).isEqualTo("0x1");
    assertThat(transaction.get("from").asText()).isEqualTo(expected.sender().toHex());
    assertThat(transaction.get("to").asText())
        .isEqualTo("0x000000000000000000000000000000000000cb01");
    assertThat(transaction.get("input").asText()).isEqualTo(expected.data().toHex());
    assertThat(transaction.get("type").asText()).isEqualTo("0x2");
    assertThat(transaction.get("chainId").asText()).isEqualTo("0x539");
    assertThat(transaction.get("accessList")).isEmpty();
    assertThat(transaction.get("yParity").asText()).isEqualTo(transaction.get("v").asText());
  }

  @Test
  void everyBlockTagResolves() {
    for (String tag : List.of("latest", "pending", "safe", "finalized")) {
      assertThat(
              rpc.result("eth_getBlockByNumber", "[\"" + tag + "\", false]").get("number").asText())
          .isEqualTo("0x2");
    }
    assertThat(rpc.result("eth_getBlockByNumber", "[\"earliest\", false]").get("hash").asText())
        .isEqualTo(rpc.chain.genesisHash().toHex());
  }

  @Test
  void aBlockAboveTheHeadIsNullAndABadTagIsInvalid() {
    assertThat(rpc.result("eth_getBlockByNumber", "[\"0x3\", false]").isNull()).isTrue();
    assertThat(rpc.error("eth_getBlockByNumber", "[\"newest\", false]").get("code").asInt())
        .isEqualTo(-32602);
    assertThat(rpc.error("eth_getBlockByNumber", "[\"0x01\", false]").get("code").asInt())
        .isEqualTo(-32602);
    assertThat(rpc.error("eth_getBlockByNumber", "[\"0x1\"]").get("code").asInt())
        .isEqualTo(-32602);
  }

  @Test
  void blocksAreFoundByHashAndCounted() {
    String hash = second.hash().toHex();
    assertThat(rpc.result("eth_getBlockByHash", "[\"" + hash + "\", false]").get("number").asText())
        .isEqualTo("0x2");
    assertThat(rpc.result("eth_getBlockByHash", "[\"" + Hash.ZERO + "\", false]").isNull())
        .isTrue();
    assertThat(rpc.result("eth_getBlockTransactionCountByNumber", "[\"0x1\"]").asText())
        .isEqualTo("0x4");
    assertThat(rpc.result("eth_getBlockTransactionCountByHash", "[\"" + hash + "\"]").asText())
        .isEqualTo("0x1");
  }

  @Test
  void transactionsAreFoundByHashByPositionOrInThePool() {
    SignedTransaction included = first.transactions().get(2);
    JsonNode byHash = rpc.result("eth_getTransactionByHash", "[\"" + included.hash() + "\"]");
    assertThat(byHash.get("transactionIndex").asText()).isEqualTo("0x2");
    JsonNode byPosition =
        rpc.result("eth_getTransactionByBlockNumberAndIndex", "[\"0x1\", \"0x2\"]");
    assertThat(byPosition).isEqualTo(byHash);
    assertThat(rpc.result("eth_getTransactionByBlockNumberAndIndex", "[\"0x1\", \"0x9\"]").isNull())
        .isTrue();

    SignedTransaction pending = rpc.workload.transfer(3, 2, 1, 1);
    rpc.pool.submit(pending.raw());
    JsonNode pooled = rpc.result("eth_getTransactionByHash", "[\"" + pending.hash() + "\"]");
    assertThat(pooled.get("hash").asText()).isEqualTo(pending.hash().toHex());
    assertThat(pooled.get("blockHash").isNull()).isTrue();
    assertThat(pooled.get("blockNumber").isNull()).isTrue();
    assertThat(rpc.result("eth_getTransactionByHash", "[\"" + Hash.ZERO + "\"]").isNull()).isTrue();
  }

  @Test
  void aReceiptNumbersItsLogsAcrossTheBlock() {
    JsonNode receipt =
        rpc.result("eth_getTransactionReceipt", "[\"" + first.transactions().get(1).hash() + "\"]");
    assertThat(receipt.get("status").asText()).isEqualTo("0x1");
    assertThat(receipt.get("transactionIndex").asText()).isEqualTo("0x1");
    assertThat(receipt.get("blockHash").asText()).isEqualTo(first.hash().toHex());
    assertThat(receipt.get("from").asText()).isEqualTo(rpc.workload.account(2).toHex());
    assertThat(receipt.get("contractAddress").isNull()).isTrue();
    assertThat(receipt.get("effectiveGasPrice").asText()).isEqualTo("0x0");
    assertThat(receipt.get("type").asText()).isEqualTo("0x2");
    assertThat(receipt.get("gasUsed").asText())
        .isEqualTo("0x" + Long.toHexString(first.outcomes().get(1).gasUsed()));
    assertThat(receipt.get("cumulativeGasUsed").asText())
        .isEqualTo("0x" + Long.toHexString(first.outcomes().get(1).receipt().cumulativeGasUsed()));
    assertThat(receipt.has("revertReason")).isFalse();
    int logsBefore = first.outcomes().get(0).receipt().logs().size();
    assertThat(logsBefore).isPositive();
    JsonNode log = receipt.get("logs").get(0);
    assertThat(log.get("logIndex").asText()).isEqualTo("0x" + Integer.toHexString(logsBefore));
    assertThat(log.get("transactionIndex").asText()).isEqualTo("0x1");
    assertThat(log.get("transactionHash").asText())
        .isEqualTo(first.transactions().get(1).hash().toHex());
    assertThat(log.get("address").asText()).isEqualTo("0x000000000000000000000000000000000000cb01");
    assertThat(log.get("removed").asBoolean()).isFalse();
  }

  @Test
  void aRevertedReceiptCarriesTheAbiEncodedReason() {
    JsonNode receipt =
        rpc.result("eth_getTransactionReceipt", "[\"" + first.transactions().get(3).hash() + "\"]");
    assertThat(receipt.get("status").asText()).isEqualTo("0x0");
    assertThat(receipt.get("logs")).isEmpty();
    String reason = first.outcomes().get(3).revertReason().orElseThrow();
    assertThat(receipt.get("revertReason").asText()).isEqualTo(RevertData.encode(reason).toHex());
    assertThat(
            RevertData.decode(io.fiscus.types.Bytes.fromHex(receipt.get("revertReason").asText())))
        .contains(reason);
  }

  @Test
  void unknownReceiptsAreNullAndBlockReceiptsComeInOrder() {
    assertThat(rpc.result("eth_getTransactionReceipt", "[\"" + Hash.ZERO + "\"]").isNull())
        .isTrue();
    JsonNode byNumber = rpc.result("eth_getBlockReceipts", "[\"0x1\"]");
    JsonNode byHash = rpc.result("eth_getBlockReceipts", "[\"" + first.hash() + "\"]");
    assertThat(byNumber).hasSize(4).isEqualTo(byHash);
    assertThat(byNumber.get(3).get("status").asText()).isEqualTo("0x0");
    assertThat(rpc.result("eth_getBlockReceipts", "[\"0x9\"]").isNull()).isTrue();
  }

  @Test
  void syncingIsFalseOrTheProgressObject() {
    assertThat(rpc.result("eth_syncing", "[]").asBoolean()).isFalse();
    rpc.syncing.set(true);
    JsonNode syncing = rpc.result("eth_syncing", "[]");
    assertThat(syncing.get("currentBlock").asText()).isEqualTo("0x2");
    assertThat(syncing.get("highestBlock").asText()).isEqualTo("0x2");
  }
}
