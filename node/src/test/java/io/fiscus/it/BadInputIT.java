package io.fiscus.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.Sign;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/**
 * Bad input against the running node: each answered with its documented JSON-RPC error, the node
 * keeps serving, and neither the head nor the state root moves.
 */
class BadInputIT {
  @TempDir static Path dir;
  static TestNetwork network;
  static NodeProcess node;
  static RawRpc rpc;
  static Wallet bank;
  static JsonNode headBefore;

  @BeforeAll
  static void startNode() {
    network = TestNetwork.generate(dir, 1, 250);
    node = network.node(1);
    node.start();
    node.awaitServing(Duration.ofSeconds(90));
    rpc = new RawRpc(node.rpcUrl());
    Web3j web3j = Web3j.build(new HttpService(node.rpcUrl()));
    bank = new Wallet(web3j, network.chainId, network.account("central-bank"));
    // One committed transaction, so "nonce too low" has something to be below.
    Wallet.awaitReceipt(
        web3j,
        bank.send(LedgerCalls.mint(network.account("bank-a").getAddress(), 100)),
        Duration.ofSeconds(30));
    headBefore = rpc.result("eth_getBlockByNumber", "latest", false);
  }

  @AfterAll
  static void stopNode() {
    try {
      JsonNode headAfter = rpc.result("eth_getBlockByNumber", "latest", false);
      assertThat(headAfter.get("number")).isEqualTo(headBefore.get("number"));
      assertThat(headAfter.get("stateRoot")).isEqualTo(headBefore.get("stateRoot"));
    } finally {
      node.close();
    }
  }

  private static void assertError(JsonNode response, int code, String message) {
    assertThat(response.get("error")).as(response.toString()).isNotNull();
    assertThat(response.get("error").get("code").asInt()).as(response.toString()).isEqualTo(code);
    assertThat(response.get("error").get("message").asText()).isEqualTo(message);
    assertThat(rpc.result("eth_chainId").asText()).isEqualTo("0x539");
  }

  private static JsonNode sendRaw(String hex) {
    return rpc.call("eth_sendRawTransaction", hex);
  }

  private static String signed(long nonce, long chainId, Credentials credentials) {
    RawTransaction raw =
        RawTransaction.createTransaction(
            chainId,
            BigInteger.valueOf(nonce),
            Wallet.GAS_LIMIT,
            LedgerCalls.TOKEN,
            BigInteger.ZERO,
            LedgerCalls.transfer(network.account("bank-a").getAddress(), 1).data(),
            BigInteger.ZERO,
            BigInteger.ZERO);
    return Numeric.toHexString(TransactionEncoder.signMessage(raw, chainId, credentials));
  }

  @Test
  void malformedHexIsInvalidParams() {
    assertError(sendRaw("0xzz12"), -32602, "Invalid params");
  }

  @Test
  void truncatedRlpIsInvalidParams() {
    String good = signed(99, network.chainId, network.account("central-bank"));
    assertError(sendRaw(good.substring(0, good.length() - 20)), -32602, "Invalid params");
  }

  @Test
  void signatureMatchingNoKeyIsInvalidSignature() {
    RawTransaction raw =
        RawTransaction.createTransaction(
            network.chainId,
            BigInteger.ONE,
            Wallet.GAS_LIMIT,
            LedgerCalls.TOKEN,
            BigInteger.ZERO,
            "0x",
            BigInteger.ZERO,
            BigInteger.ZERO);
    // r is in range but is the x of no curve point: well formed, yet no public key matches.
    byte[] r = Numeric.toBytesPadded(xWithoutCurvePoint(), 32);
    byte[] s = Numeric.toBytesPadded(BigInteger.ONE, 32);
    byte[] encoded = TransactionEncoder.encode(raw, new Sign.SignatureData((byte) 27, r, s));
    assertError(sendRaw(Numeric.toHexString(encoded)), -32002, "Invalid signature");
  }

  /** The smallest x ≥ 1 for which x³ + 7 is not a square modulo secp256k1's p. */
  private static BigInteger xWithoutCurvePoint() {
    BigInteger p =
        new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFC2F", 16);
    BigInteger half = p.subtract(BigInteger.ONE).shiftRight(1);
    for (BigInteger x = BigInteger.ONE; ; x = x.add(BigInteger.ONE)) {
      BigInteger rhs = x.pow(3).add(BigInteger.valueOf(7)).mod(p);
      if (!rhs.modPow(half, p).equals(BigInteger.ONE)) {
        return x;
      }
    }
  }

  @Test
  void wrongChainIdIsRefused() {
    assertError(sendRaw(signed(1, 999, network.account("central-bank"))), -32000, "Wrong chainId");
  }

  @Test
  void unprotectedLegacyTransactionIsRefused() {
    RawTransaction legacy =
        RawTransaction.createTransaction(
            BigInteger.ONE,
            BigInteger.ZERO,
            Wallet.GAS_LIMIT,
            LedgerCalls.TOKEN,
            BigInteger.ZERO,
            LedgerCalls.transfer(network.account("bank-a").getAddress(), 1).data());
    String hex =
        Numeric.toHexString(
            TransactionEncoder.signMessage(legacy, network.account("central-bank")));
    assertError(sendRaw(hex), -32000, "ChainId is required");
  }

  @Test
  void nonceBelowTheAccountsIsTooLow() {
    RawTransaction raw =
        RawTransaction.createTransaction(
            network.chainId,
            BigInteger.ZERO,
            Wallet.GAS_LIMIT,
            LedgerCalls.TOKEN,
            BigInteger.ZERO,
            LedgerCalls.transfer(network.account("bank-b").getAddress(), 5).data(),
            BigInteger.ZERO,
            BigInteger.ZERO);
    String hex =
        Numeric.toHexString(
            TransactionEncoder.signMessage(raw, network.chainId, network.account("central-bank")));
    assertError(sendRaw(hex), -32001, "Nonce too low");
  }

  @Test
  void nonceFarAheadIsTooDistant() {
    assertError(
        sendRaw(signed(1_000_000, network.chainId, network.account("central-bank"))),
        -32000,
        "Transaction nonce is too distant from current sender nonce");
  }

  @Test
  void unregisteredSenderIsNotAuthorized() throws Exception {
    Credentials stranger = Credentials.create(Keys.createEcKeyPair());
    assertError(
        sendRaw(signed(0, network.chainId, stranger)),
        -32007,
        "Sender account not authorized to send transactions");
  }

  @Test
  void oversizeBodyIsRefusedAndTheServerKeepsServing() {
    String body =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"web3_sha3\",\"params\":[\"0x"
            + "ab".repeat(3 * 1024 * 1024)
            + "\"]}";
    HttpResponse<String> response = rpc.post(body);
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(RawRpc.parse(response.body()).get("error").get("code").asInt()).isEqualTo(-32600);
    assertThat(rpc.result("eth_chainId").asText()).isEqualTo("0x539");
  }

  @Test
  void oversizeBatchIsInvalidRequest() {
    StringBuilder batch = new StringBuilder("[");
    for (int i = 0; i < 1025; i++) {
      batch
          .append(i == 0 ? "" : ",")
          .append("{\"jsonrpc\":\"2.0\",\"id\":")
          .append(i)
          .append(",\"method\":\"eth_chainId\"}");
    }
    JsonNode response = RawRpc.parse(rpc.post(batch.append("]").toString()).body());
    JsonNode error = response.isArray() ? response.get(0) : response;
    assertError(error, -32600, "Invalid Request");
  }

  @Test
  void invalidJsonIsParseError() {
    assertError(
        RawRpc.parse(rpc.post("{\"jsonrpc\":\"2.0\",\"id\":1,").body()), -32700, "Parse error");
  }

  @Test
  void unknownMethodIsMethodNotFound() {
    assertError(rpc.call("eth_mine"), -32601, "Method not found");
  }

  @Test
  void wrongParamTypesAreInvalidParams() {
    assertError(rpc.call("eth_getBlockByNumber", 12, "yes"), -32602, "Invalid params");
    assertError(rpc.call("cbdc_getAccount", "0x1234"), -32602, "Invalid params");
  }

  @Test
  void sendTransactionIsNotSupported() {
    assertThat(rpc.call("eth_sendTransaction", java.util.Map.of()).get("error").get("code").asInt())
        .isEqualTo(-32604);
  }
}
