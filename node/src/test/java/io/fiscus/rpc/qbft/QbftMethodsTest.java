package io.fiscus.rpc.qbft;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fiscus.rpc.RpcException;
import io.fiscus.rpc.RpcMethod;
import io.fiscus.rpc.testchain.FakeChain;
import io.fiscus.rpc.testchain.FakeConsensusControl;
import io.fiscus.rpc.testchain.LedgerScenario;
import io.fiscus.rpc.testchain.Params;
import io.fiscus.types.Address;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.ObjectMapperFactory;
import org.web3j.protocol.admin.methods.response.BooleanResponse;
import org.web3j.protocol.besu.response.BesuEthAccountsMapResponse;
import org.web3j.protocol.besu.response.BesuSignerMetric;
import org.web3j.protocol.besu.response.BesuSignerMetrics;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthAccounts;

class QbftMethodsTest {
  private static final LedgerScenario LEDGER = new LedgerScenario();
  private static final FakeChain CHAIN = LEDGER.chain;

  private final FakeConsensusControl consensus = new FakeConsensusControl();
  private final Map<String, RpcMethod> methods = QbftMethods.create(CHAIN, consensus);

  private Object invoke(String method, String params) {
    return methods.get(method).call(Params.of(params));
  }

  /** The result as Web3j's Besu client would read it from the wire. */
  private <T extends Response<?>> T asWeb3j(Object result, Class<T> type) throws Exception {
    String response = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":" + Params.write(result) + "}";
    return ObjectMapperFactory.getObjectMapper().readValue(response, type);
  }

  private List<String> validatorHexes() {
    return CHAIN.validators().stream().map(Address::toHex).toList();
  }

  @Test
  void validatorsByBlockNumberAreThoseInTheBlocksExtraData() throws Exception {
    for (String block : List.of("\"latest\"", "\"0x2\"", "\"earliest\"", "\"pending\"")) {
      EthAccounts validators =
          asWeb3j(invoke("qbft_getValidatorsByBlockNumber", "[" + block + "]"), EthAccounts.class);
      assertThat(validators.getAccounts()).as(block).isEqualTo(validatorHexes());
    }
  }

  @Test
  void validatorsByBlockHashAreThoseOfThatBlock() throws Exception {
    String hash = CHAIN.committed(2).hash().toHex();
    EthAccounts validators =
        asWeb3j(invoke("qbft_getValidatorsByBlockHash", "[\"" + hash + "\"]"), EthAccounts.class);
    assertThat(validators.getAccounts()).isEqualTo(validatorHexes());
  }

  @Test
  void validatorsOfAnUnknownBlockAreNull() {
    assertThat(invoke("qbft_getValidatorsByBlockNumber", "[\"0x64\"]")).isNull();
    assertThat(invoke("qbft_getValidatorsByBlockHash", "[\"0x" + "ab".repeat(32) + "\"]")).isNull();
  }

  @Test
  void votesAreProposedListedAndDiscarded() throws Exception {
    String candidate = LEDGER.stranger.toHex();
    String validator = CHAIN.validators().get(0).toHex();
    BooleanResponse proposed =
        asWeb3j(
            invoke("qbft_proposeValidatorVote", "[\"" + candidate + "\", true]"),
            BooleanResponse.class);
    assertThat(proposed.success()).isTrue();
    invoke("qbft_proposeValidatorVote", "[\"" + validator + "\", false]");

    BesuEthAccountsMapResponse pending =
        asWeb3j(invoke("qbft_getPendingVotes", "[]"), BesuEthAccountsMapResponse.class);
    assertThat(pending.getAccounts()).isEqualTo(Map.of(candidate, true, validator, false));

    assertThat(invoke("qbft_discardValidatorVote", "[\"" + candidate + "\"]")).isEqualTo(true);
    assertThat(consensus.pendingVotes()).containsOnlyKeys(CHAIN.validators().get(0));
  }

  @Test
  void signerMetricsCountTheProposersOfTheLastBlocksByDefault() throws Exception {
    // Blocks 1..3 were proposed by validators 1, 2 and 3 (rotation by block number).
    BesuSignerMetrics metrics =
        asWeb3j(invoke("qbft_getSignerMetrics", "[]"), BesuSignerMetrics.class);
    List<Address> validators = CHAIN.validators();
    assertThat(metrics.getSignerMetrics())
        .containsExactly(
            new BesuSignerMetric(validators.get(0).toHex(), "0x0", "0x0"),
            new BesuSignerMetric(validators.get(1).toHex(), "0x1", "0x1"),
            new BesuSignerMetric(validators.get(2).toHex(), "0x1", "0x2"),
            new BesuSignerMetric(validators.get(3).toHex(), "0x1", "0x3"));
    assertThat(metrics.getSignerMetrics().get(3).getLastProposedBlockNumber())
        .isEqualTo(BigInteger.valueOf(3));
  }

  @Test
  void signerMetricsOverARangeIncludeTheStartAndExcludeTheEnd() {
    JsonNode metrics =
        Params.parse(Params.write(invoke("qbft_getSignerMetrics", "[\"0x2\", \"0x3\"]")));
    List<Address> validators = CHAIN.validators();
    assertThat(metrics).hasSize(4);
    assertThat(metrics.get(2).get("address").asText()).isEqualTo(validators.get(2).toHex());
    assertThat(metrics.get(2).get("proposedBlockCount").asText()).isEqualTo("0x1");
    assertThat(metrics.get(3).get("proposedBlockCount").asText()).isEqualTo("0x0");
    assertThat(metrics.get(1).get("proposedBlockCount").asText()).isEqualTo("0x0");
  }

  @Test
  void everyMethodRefusesMalformedParams() {
    Map<String, List<String>> cases =
        Map.of(
            "qbft_getValidatorsByBlockNumber", List.of("[]", "[\"newest\"]", "[\"0x01\"]", "[1]"),
            "qbft_getValidatorsByBlockHash", List.of("[]", "[\"0x1234\"]"),
            "qbft_proposeValidatorVote",
                List.of(
                    "[]",
                    "[\"0x12\", true]",
                    "[\"" + LEDGER.stranger.toHex() + "\"]",
                    "[\"" + LEDGER.stranger.toHex() + "\", \"yes\"]"),
            "qbft_discardValidatorVote", List.of("[]", "[\"nobody\"]"),
            "qbft_getSignerMetrics",
                List.of(
                    "[\"0x3\", \"0x2\"]",
                    "[\"0x2\", \"0x2\"]",
                    "[\"latest\", \"earliest\"]",
                    "[\"soon\"]"));
    cases.forEach(
        (method, paramsList) ->
            paramsList.forEach(
                params -> {
                  try {
                    invoke(method, params);
                    throw new AssertionError(method + " " + params + " did not fail");
                  } catch (RpcException e) {
                    assertThat(e.code()).as(method + " " + params).isEqualTo(-32602);
                  }
                }));
  }

  @Test
  void aSignerMetricsEndPastTheHeadIsCappedAtTheHead() {
    Object capped =
        invoke(
            "qbft_getSignerMetrics",
            "[\"0x0\", \"" + io.fiscus.rpc.state.Quantity.hex(SignerMetrics.RANGE_MAX + 5) + "\"]");
    assertThat(Params.write(capped)).isEqualTo(Params.write(invoke("qbft_getSignerMetrics", "[]")));
  }
}
