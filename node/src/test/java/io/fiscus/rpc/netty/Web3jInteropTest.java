package io.fiscus.rpc.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.chain.CommittedBlock;
import io.fiscus.execution.TransferWorkload;
import io.fiscus.rpc.RpcLimits;
import io.fiscus.rpc.RpcTestSupport;
import io.fiscus.tx.SignedTransaction;
import io.reactivex.disposables.Disposable;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.protocol.websocket.WebSocketService;
import org.web3j.protocol.websocket.events.NewHead;

/** Web3j itself parses what the server answers, over HTTP and over WebSocket. */
class Web3jInteropTest {
  private static final String TOKEN = "0x000000000000000000000000000000000000cb01";

  private final RpcTestSupport rpc = new RpcTestSupport();
  private JsonRpcServer server;
  private Web3j web3j;
  private CommittedBlock first;

  @BeforeEach
  void start() {
    rpc.commitTwoBlocks();
    first = rpc.chain.committed(1);
    rpc.eth.subscriptions().start();
    server =
        new JsonRpcServer(
            "127.0.0.1", 0, rpc.dispatcher, rpc.eth.subscriptions(), RpcLimits.defaults());
    int port = server.start();
    web3j = Web3j.build(new HttpService("http://127.0.0.1:" + port + "/"));
  }

  @AfterEach
  void stop() {
    web3j.shutdown();
    server.stop();
    rpc.eth.subscriptions().stop();
  }

  @Test
  void web3jReadsTheChainIdentity() throws Exception {
    assertThat(web3j.ethBlockNumber().send().getBlockNumber()).isEqualTo(BigInteger.TWO);
    assertThat(web3j.ethChainId().send().getChainId())
        .isEqualTo(BigInteger.valueOf(TransferWorkload.CHAIN_ID));
    assertThat(web3j.netVersion().send().getNetVersion()).isEqualTo("1337");
    assertThat(web3j.web3ClientVersion().send().getWeb3ClientVersion()).startsWith("fiscus/v");
  }

  @Test
  void web3jParsesAFullBlock() throws Exception {
    EthBlock.Block block =
        web3j
            .ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.ONE), true)
            .send()
            .getBlock();
    assertThat(block.getNumber()).isEqualTo(BigInteger.ONE);
    assertThat(block.getHash()).isEqualTo(first.hash().toHex());
    assertThat(block.getParentHash()).isEqualTo(rpc.chain.genesisHash().toHex());
    assertThat(block.getGasLimit()).isEqualTo(BigInteger.valueOf(30_000_000));
    assertThat(block.getDifficulty()).isEqualTo(BigInteger.ONE);
    assertThat(block.getTotalDifficulty()).isEqualTo(BigInteger.TWO);
    assertThat(block.getBaseFeePerGas()).isEqualTo(BigInteger.ZERO);
    assertThat(block.getUncles()).isEmpty();
    assertThat(block.getTransactions()).hasSize(4);
    Transaction transaction = (Transaction) block.getTransactions().get(0).get();
    SignedTransaction expected = first.transactions().get(0);
    assertThat(transaction.getHash()).isEqualTo(expected.hash().toHex());
    assertThat(transaction.getFrom()).isEqualTo(expected.sender().toHex());
    assertThat(transaction.getTo()).isEqualTo(TOKEN);
    assertThat(transaction.getNonce()).isEqualTo(BigInteger.ZERO);
    assertThat(transaction.getGas()).isEqualTo(BigInteger.valueOf(expected.gasLimit()));
    assertThat(transaction.getInput()).isEqualTo(expected.data().toHex());
    assertThat(transaction.getChainId()).isEqualTo(TransferWorkload.CHAIN_ID);
    assertThat(transaction.getType()).isEqualTo("0x2");
    assertThat(transaction.getBlockNumber()).isEqualTo(BigInteger.ONE);
    assertThat(transaction.getTransactionIndex()).isEqualTo(BigInteger.ZERO);
    assertThat(new BigInteger(transaction.getR().substring(2), 16))
        .isEqualTo(expected.signature().r());
  }

  @Test
  void web3jParsesReceiptsWithLogsAndRevertReasons() throws Exception {
    TransactionReceipt receipt =
        web3j
            .ethGetTransactionReceipt(first.transactions().get(1).hash().toHex())
            .send()
            .getTransactionReceipt()
            .orElseThrow();
    assertThat(receipt.isStatusOK()).isTrue();
    assertThat(receipt.getBlockHash()).isEqualTo(first.hash().toHex());
    assertThat(receipt.getTransactionIndex()).isEqualTo(BigInteger.ONE);
    assertThat(receipt.getGasUsed())
        .isEqualTo(BigInteger.valueOf(first.outcomes().get(1).gasUsed()));
    assertThat(receipt.getLogs()).hasSize(1);
    assertThat(receipt.getLogs().get(0).getLogIndex()).isEqualTo(BigInteger.ONE);
    assertThat(receipt.getLogs().get(0).getAddress()).isEqualTo(TOKEN);

    TransactionReceipt reverted =
        web3j
            .ethGetTransactionReceipt(first.transactions().get(3).hash().toHex())
            .send()
            .getTransactionReceipt()
            .orElseThrow();
    assertThat(reverted.isStatusOK()).isFalse();
    assertThat(reverted.getRevertReason()).startsWith("0x08c379a0");
  }

  @Test
  void web3jFiltersLogs() throws Exception {
    EthFilter filter =
        new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST, TOKEN);
    List<Log> logs =
        web3j.ethGetLogs(filter).send().getLogs().stream()
            .map(result -> (Log) result.get())
            .toList();
    assertThat(logs).hasSize(4);
    assertThat(logs.get(3).getBlockNumber()).isEqualTo(BigInteger.TWO);
    assertThat(logs.get(0).getTopics()).hasSize(3);
    assertThat(logs.get(0).getTransactionHash())
        .isEqualTo(first.transactions().get(0).hash().toHex());
  }

  @Test
  void web3jSendsRawTransactionsAndSeesRefusals() throws Exception {
    SignedTransaction transaction = rpc.workload.transfer(3, 1, 1, 1);
    EthSendTransaction sent = web3j.ethSendRawTransaction(transaction.raw().toHex()).send();
    assertThat(sent.hasError()).isFalse();
    assertThat(sent.getTransactionHash()).isEqualTo(transaction.hash().toHex());
    EthSendTransaction again = web3j.ethSendRawTransaction(transaction.raw().toHex()).send();
    assertThat(again.hasError()).isTrue();
    assertThat(again.getError().getCode()).isEqualTo(-32000);
    assertThat(again.getError().getMessage()).isEqualTo("Known transaction");
    assertThat(
            web3j
                .ethGetTransactionCount(
                    transaction.sender().toHex(), DefaultBlockParameterName.PENDING)
                .send()
                .getTransactionCount())
        .isEqualTo(BigInteger.TWO);
  }

  @Test
  void web3jOverWebSocketReceivesNewHeads() throws Exception {
    WebSocketService service = new WebSocketService("ws://127.0.0.1:" + server.port() + "/", false);
    service.connect();
    Web3j socketWeb3j = Web3j.build(service);
    BlockingQueue<NewHead> heads = new LinkedBlockingQueue<>();
    Disposable subscription =
        socketWeb3j
            .newHeadsNotifications()
            .subscribe(notification -> heads.add(notification.getParams().getResult()));
    try {
      assertThat(socketWeb3j.ethBlockNumber().send().getBlockNumber()).isEqualTo(BigInteger.TWO);
      // The subscription is confirmed before the commit: wait until the server holds it.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (rpc.eth.subscriptions().size() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      CommittedBlock block = rpc.chain.commit(List.of());
      NewHead head = heads.poll(10, TimeUnit.SECONDS);
      assertThat(head).isNotNull();
      assertThat(head.getHash()).isEqualTo(block.hash().toHex());
      assertThat(head.getNumber()).isEqualTo("0x3");
    } finally {
      subscription.dispose();
      socketWeb3j.shutdown();
    }
  }
}
