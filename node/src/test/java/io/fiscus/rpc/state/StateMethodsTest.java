package io.fiscus.rpc.state;

import static io.fiscus.rpc.testchain.LedgerScenario.address;
import static io.fiscus.rpc.testchain.LedgerScenario.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fiscus.abi.AbiReader;
import io.fiscus.abi.RevertData;
import io.fiscus.contracts.SystemContracts;
import io.fiscus.contracts.system.StorageSlots;
import io.fiscus.contracts.system.SystemAddresses;
import io.fiscus.contracts.token.TokenStore;
import io.fiscus.rlp.Rlp;
import io.fiscus.rpc.RpcException;
import io.fiscus.rpc.RpcMethod;
import io.fiscus.rpc.testchain.FakeChain;
import io.fiscus.rpc.testchain.LedgerScenario;
import io.fiscus.rpc.testchain.Params;
import io.fiscus.state.StateAccount;
import io.fiscus.state.StateAccountCodec;
import io.fiscus.state.StateCommitment;
import io.fiscus.trie.ProofResult;
import io.fiscus.trie.SecureTrie;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.ObjectMapperFactory;
import org.web3j.protocol.core.methods.response.EthGetProof;

class StateMethodsTest {
  private static final LedgerScenario LEDGER = new LedgerScenario();
  private static final FakeChain CHAIN = LEDGER.chain;
  private static final SystemContracts CONTRACTS = new SystemContracts();
  private final Map<String, RpcMethod> methods =
      StateMethods.create(CHAIN, CONTRACTS, FakeChain.GAS_LIMIT);

  private Object invoke(String method, String params) {
    return methods.get(method).call(Params.of(params));
  }

  private RpcException failure(String method, String params) {
    try {
      invoke(method, params);
    } catch (RpcException e) {
      return e;
    }
    throw new AssertionError(method + " " + params + " did not fail");
  }

  private static String callObject(Address from, Address to, Bytes data) {
    return "{\"from\":\"%s\",\"to\":\"%s\",\"data\":\"%s\"}"
        .formatted(from.toHex(), to.toHex(), data.toHex());
  }

  private static String balanceOfCall(Address account) {
    return callObject(Address.ZERO, SystemAddresses.TOKEN, call("balanceOf", address(account)));
  }

  private static long word(Object hex) {
    AbiReader reader = AbiReader.ofTuple(Bytes.fromHex((String) hex), 1);
    return reader.uint64();
  }

  @Test
  void ethCallReturnsTheFunctionsReturnDataAtTheHead() {
    long expected = TokenStore.balance(CHAIN.latestState(), LEDGER.alice);
    assertThat(expected).isEqualTo(5_000 - 1_190);
    assertThat(word(invoke("eth_call", "[" + balanceOfCall(LEDGER.alice) + ", \"latest\"]")))
        .isEqualTo(expected);
    assertThat(word(invoke("eth_call", "[" + balanceOfCall(LEDGER.alice) + "]")))
        .isEqualTo(expected);
  }

  @Test
  void ethCallAtAnOlderBlockReadsThatBlocksStateThroughTheTrie() {
    String call = balanceOfCall(LEDGER.alice);
    assertThat(word(invoke("eth_call", "[" + call + ", \"earliest\"]"))).isZero();
    assertThat(word(invoke("eth_call", "[" + call + ", \"0x1\"]"))).isEqualTo(5_000);
    assertThat(word(invoke("eth_call", "[" + call + ", {\"blockNumber\": \"0x2\"}]")))
        .isEqualTo(5_000);
    String hashOfBlock1 = CHAIN.committed(1).hash().toHex();
    assertThat(
            word(invoke("eth_call", "[" + call + ", {\"blockHash\": \"" + hashOfBlock1 + "\"}]")))
        .isEqualTo(5_000);
  }

  @Test
  void aRevertedCallAnswersCode3WithTheReasonAndItsAbiEncoding() {
    String overdraft =
        callObject(LEDGER.bob, SystemAddresses.TOKEN, LedgerScenario.transfer(LEDGER.alice, 10));
    RpcException revert = failure("eth_call", "[" + overdraft + ", \"latest\"]");
    assertThat(revert.code()).isEqualTo(3);
    assertThat(revert.getMessage()).isEqualTo("Execution reverted: insufficient balance");
    assertThat(revert.data()).contains(RevertData.encode("insufficient balance").toHex());
  }

  @Test
  void aSuccessfulStateChangingCallPersistsNothing() {
    long before = TokenStore.balance(CHAIN.latestState(), LEDGER.alice);
    String payment =
        callObject(LEDGER.alice, SystemAddresses.TOKEN, LedgerScenario.transfer(LEDGER.bob, 100));
    assertThat(word(invoke("eth_call", "[" + payment + "]"))).isEqualTo(1);
    assertThat(TokenStore.balance(CHAIN.latestState(), LEDGER.alice)).isEqualTo(before);
  }

  @Test
  void aCallToAnAddressWithoutAContractRevertsAsTheContractsSay() {
    String call = callObject(LEDGER.alice, LEDGER.bob, Bytes.EMPTY);
    RpcException revert = failure("eth_call", "[" + call + "]");
    assertThat(revert.code()).isEqualTo(3);
    assertThat(revert.getMessage()).isEqualTo("Execution reverted: no contract at address");
  }

  @Test
  void aCallWithoutFromRunsAsTheZeroAddress() {
    String call =
        "{\"to\":\"%s\",\"input\":\"%s\"}"
            .formatted(
                SystemAddresses.TOKEN.toHex(), LedgerScenario.transfer(LEDGER.bob, 1).toHex());
    assertThat(failure("eth_call", "[" + call + "]").getMessage())
        .isEqualTo("Execution reverted: not registered");
  }

  @Test
  void estimateGasAnswersTheFunctionsCostForACallThatSucceeds() {
    Bytes data = LedgerScenario.transfer(LEDGER.bob, 100);
    String payment = callObject(LEDGER.alice, SystemAddresses.TOKEN, data);
    long cost = CONTRACTS.gasCost(SystemAddresses.TOKEN, data);
    assertThat(cost).isGreaterThan(SystemContracts.BASE_GAS);
    assertThat(invoke("eth_estimateGas", "[" + payment + "]")).isEqualTo(Quantity.hex(cost));
  }

  @Test
  void estimateGasOfACallThatWouldRevertAnswersCode3() {
    String overdraft =
        callObject(LEDGER.bob, SystemAddresses.TOKEN, LedgerScenario.transfer(LEDGER.alice, 10));
    RpcException revert = failure("eth_estimateGas", "[" + overdraft + "]");
    assertThat(revert.code()).isEqualTo(3);
    assertThat(revert.data()).contains(RevertData.encode("insufficient balance").toHex());
  }

  @Test
  void aGasLimitBelowTheCostOrAboveTheBlocksIsRefusedAsATransactionWouldBe() {
    Bytes data = LedgerScenario.transfer(LEDGER.bob, 100);
    String low =
        "{\"from\":\"%s\",\"to\":\"%s\",\"data\":\"%s\",\"gas\":\"0x5208\"}"
            .formatted(LEDGER.alice.toHex(), SystemAddresses.TOKEN.toHex(), data.toHex());
    assertThat(failure("eth_call", "[" + low + "]").code()).isEqualTo(-32003);
    String high = low.replace("0x5208", Quantity.hex(FakeChain.GAS_LIMIT + 1));
    assertThat(failure("eth_estimateGas", "[" + high + "]").code()).isEqualTo(-32005);
  }

  @Test
  void callsRefuseMalformedParams() {
    String to = SystemAddresses.TOKEN.toHex();
    for (String params :
        List.of(
            "[]",
            "[\"0x00\"]",
            "[{\"data\":\"0x\"}]",
            "[{\"to\":\"0x1234\"}]",
            "[{\"to\":\"" + to + "\",\"data\":\"0xabc\"}]",
            "[{\"to\":\"" + to + "\",\"data\":\"0x01\",\"input\":\"0x02\"}]",
            "[{\"to\":\"" + to + "\",\"gas\":\"0x0123\"}]",
            "[{\"to\":\"" + to + "\",\"colour\":\"blue\"}]",
            "[{\"to\":\"" + to + "\"}, \"newest\"]",
            "[{\"to\":\"" + to + "\"}, \"0x64\"]",
            "[{\"to\":\"" + to + "\"}, {\"blockHash\":\"0x1234\"}]")) {
      assertThat(failure("eth_call", params).code()).as(params).isEqualTo(-32602);
      assertThat(failure("eth_estimateGas", params).code()).as(params).isEqualTo(-32602);
    }
  }

  @Test
  void getProofVerifiesAgainstTheBlocksStateRoot() {
    Hash slot = StorageSlots.ofAddress(0x14, LEDGER.alice); // the Token's balance slot
    JsonNode proof = proof(SystemAddresses.TOKEN, slot, "latest");
    Hash stateRoot = CHAIN.headHeader().stateRoot();

    ProofResult account =
        SecureTrie.verifyProof(
            stateRoot, SystemAddresses.TOKEN.bytes(), nodes(proof, "accountProof"));
    assertThat(account).isInstanceOf(ProofResult.Present.class);
    StateAccount decoded = StateAccountCodec.decode(((ProofResult.Present) account).value());
    assertThat(decoded.storageRoot().toHex()).isEqualTo(proof.get("storageHash").asText());
    assertThat(proof.get("codeHash").asText()).isEqualTo(StateAccount.CODE_HASH.toHex());
    assertThat(proof.get("balance").asText()).isEqualTo("0x0");
    assertThat(proof.get("nonce").asText()).isEqualTo("0x0");

    JsonNode storage = proof.get("storageProof").get(0);
    assertThat(storage.get("key").asText()).isEqualTo(slot.toHex());
    ProofResult value =
        SecureTrie.verifyProof(decoded.storageRoot(), slot.bytes(), nodes(storage, "proof"));
    Bytes stored = StateCommitment.decodeSlotValue(((ProofResult.Present) value).value());
    assertThat(stored).isEqualTo(Bytes.wrap(Rlp.uint(5_000 - 1_190)));
    assertThat(storage.get("value").asText()).isEqualTo(stored.toHex());
  }

  @Test
  void getProofAtAnOlderBlockProvesThatBlocksValueAndAbsenceBeforeIt() {
    Hash slot = StorageSlots.ofAddress(0x14, LEDGER.alice);
    JsonNode atGenesis = proof(SystemAddresses.TOKEN, slot, "0x0");
    Hash genesisRoot = CHAIN.header(0).orElseThrow().stateRoot();
    ProofResult account =
        SecureTrie.verifyProof(
            genesisRoot, SystemAddresses.TOKEN.bytes(), nodes(atGenesis, "accountProof"));
    StateAccount token = StateAccountCodec.decode(((ProofResult.Present) account).value());
    JsonNode storage = atGenesis.get("storageProof").get(0);
    assertThat(SecureTrie.verifyProof(token.storageRoot(), slot.bytes(), nodes(storage, "proof")))
        .isEqualTo(new ProofResult.Absent());
    assertThat(storage.get("value").asText()).isEqualTo("0x0");
  }

  @Test
  void getProofOfAnAccountWithANonceShowsIt() {
    JsonNode proof = proof(LEDGER.alice, Hash.ZERO, "latest");
    assertThat(proof.get("nonce").asText()).isEqualTo("0x2");
    assertThat(proof.get("storageHash").asText()).isEqualTo(Hash.EMPTY_TRIE.toHex());
  }

  @Test
  void getProofReadsAsWeb3jsEthGetProof() throws Exception {
    JsonNode proof =
        proof(SystemAddresses.TOKEN, StorageSlots.ofAddress(0x14, LEDGER.alice), "latest");
    String response = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":" + Params.write(proof) + "}";
    EthGetProof.Proof parsed =
        ObjectMapperFactory.getObjectMapper().readValue(response, EthGetProof.class).getProof();
    assertThat(parsed.getAddress()).isEqualTo(SystemAddresses.TOKEN.toHex());
    assertThat(parsed.getStorageProof()).hasSize(1);
    assertThat(parsed.getAccountProof()).isNotEmpty();
  }

  @Test
  void getProofAcceptsShortStorageKeysAsQuantities() {
    JsonNode proof =
        (JsonNode)
            invoke(
                "eth_getProof",
                "[\"%s\", [\"0x1\"], \"latest\"]".formatted(SystemAddresses.TOKEN.toHex()));
    assertThat(proof.get("storageProof").get(0).get("key").asText())
        .isEqualTo("0x" + "0".repeat(63) + "1");
  }

  @Test
  void getProofRefusesMalformedParams() {
    String token = SystemAddresses.TOKEN.toHex();
    List<String> slots = new ArrayList<>();
    for (int i = 0; i <= ProofMethod.SLOTS_MAX; i++) {
      slots.add("\"0x1\"");
    }
    for (String params :
        List.of(
            "[]",
            "[\"0x12\", [], \"latest\"]",
            "[\"" + token + "\"]",
            "[\"" + token + "\", \"0x1\", \"latest\"]",
            "[\"" + token + "\", [\"0x\"], \"latest\"]",
            "[\"" + token + "\", [\"0x" + "1".repeat(65) + "\"], \"latest\"]",
            "[\"" + token + "\", [\"0xzz\"], \"latest\"]",
            "[\"" + token + "\", [1], \"latest\"]",
            "[\"" + token + "\", " + slots + ", \"latest\"]",
            "[\"" + token + "\", [], \"0x99\"]")) {
      assertThatThrownBy(() -> invoke("eth_getProof", params))
          .as(params)
          .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(-32602));
    }
  }

  private JsonNode proof(Address address, Hash slot, String block) {
    return (JsonNode)
        invoke(
            "eth_getProof",
            "[\"%s\", [\"%s\"], \"%s\"]".formatted(address.toHex(), slot.toHex(), block));
  }

  private static List<Bytes> nodes(JsonNode parent, String field) {
    List<Bytes> nodes = new ArrayList<>();
    parent.get(field).forEach(node -> nodes.add(Bytes.fromHex(node.asText())));
    return nodes;
  }
}
