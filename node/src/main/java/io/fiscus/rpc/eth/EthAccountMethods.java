package io.fiscus.rpc.eth;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fiscus.block.BlockHeader;
import io.fiscus.chain.ChainReader;
import io.fiscus.contracts.system.SystemAddresses;
import io.fiscus.mempool.Submission;
import io.fiscus.mempool.TransactionPool;
import io.fiscus.rpc.Quantity;
import io.fiscus.rpc.RpcException;
import io.fiscus.rpc.RpcMethod;
import io.fiscus.rpc.RpcParams;
import io.fiscus.state.StateAccount;
import io.fiscus.state.StateCommitment;
import io.fiscus.types.Address;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Submission, nonces, code, balances and fees. Fiscus charges no fees (the currency is the Token
 * contract), so every price is {@code 0x0} and balances of the native coin are zero.
 */
public final class EthAccountMethods {
  /** Besu's code for a method the node refuses by design. */
  public static final int METHOD_NOT_SUPPORTED = -32604;

  public static final String SEND_TRANSACTION_MESSAGE =
      "The method eth_sendTransaction is not supported. Use eth_sendRawTransaction to send a signed"
          + " transaction.";

  /**
   * The code shown for a system contract: one INVALID opcode. Fiscus runs no EVM; the marker only
   * tells tools that the address is a contract.
   */
  public static final String SYSTEM_CONTRACT_CODE = "0xfe";

  private static final Set<Address> SYSTEM_CONTRACTS =
      Set.of(
          SystemAddresses.REGISTRY,
          SystemAddresses.TOKEN,
          SystemAddresses.TAX_INVOICES,
          SystemAddresses.LEDGER_RECORDS);
  private static final int FEE_HISTORY_BLOCKS_MAX = 1024;
  private static final int PERCENTILES_MAX = 100;

  private final ChainQueries queries;
  private final ChainReader chain;
  private final TransactionPool pool;

  public EthAccountMethods(ChainQueries queries, TransactionPool pool) {
    this.queries = queries;
    this.chain = queries.chain();
    this.pool = pool;
  }

  /** {@code eth_feeHistory}'s answer: zero fees, zero usage ratios, one entry per block. */
  public record FeeHistory(
      String oldestBlock,
      List<String> baseFeePerGas,
      List<Double> gasUsedRatio,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<List<String>> reward) {}

  public Map<String, RpcMethod> methods() {
    Map<String, RpcMethod> methods = new HashMap<>();
    methods.put("eth_sendRawTransaction", this::sendRawTransaction);
    methods.put("eth_getTransactionCount", this::transactionCount);
    methods.put("eth_getBalance", this::balance);
    methods.put("eth_getCode", this::code);
    methods.put(
        "eth_sendTransaction",
        params -> {
          throw new RpcException(METHOD_NOT_SUPPORTED, SEND_TRANSACTION_MESSAGE);
        });
    methods.put("eth_gasPrice", params -> Quantity.ZERO);
    methods.put("eth_maxPriorityFeePerGas", params -> Quantity.ZERO);
    methods.put("eth_feeHistory", this::feeHistory);
    methods.put("eth_accounts", params -> List.of());
    return Map.copyOf(methods);
  }

  private String sendRawTransaction(RpcParams params) {
    return switch (pool.submit(params.data(0))) {
      case Submission.Accepted accepted -> accepted.hash().toHex();
      case Submission.Rejected rejected ->
          throw new RpcException(
              rejected.reason().code(),
              rejected.reason().message(),
              Optional.of(rejected.detail()));
    };
  }

  private String transactionCount(RpcParams params) {
    Address address = params.address(0);
    boolean pending = params.optional(1).map(tag -> "pending".equals(tag.asText())).orElse(false);
    OptionalLong number = queries.blockNumber(params, 1);
    if (number.isEmpty()) {
      throw RpcException.invalidParams("block " + params.string(1) + " is not committed yet");
    }
    long stateNonce =
        number.getAsLong() == chain.headNumber()
            ? chain.latestState().nonce(address)
            : historicalNonce(address, number.getAsLong());
    if (pending) {
      OptionalLong pooled = pool.nextNonce(address);
      return Quantity.of(Math.max(stateNonce, pooled.orElse(stateNonce)));
    }
    return Quantity.of(stateNonce);
  }

  /** A past block's nonce, read from the state trie at that block's root. */
  private long historicalNonce(Address address, long number) {
    BlockHeader header =
        chain
            .header(number)
            .orElseThrow(() -> RpcException.invalidParams("unknown block " + number));
    return new StateCommitment(chain.trieNodes(), header.stateRoot())
        .account(address)
        .map(StateAccount::nonce)
        .orElse(0L);
  }

  private String balance(RpcParams params) {
    params.address(0);
    requireCommitted(params, 1);
    return Quantity.ZERO;
  }

  private String code(RpcParams params) {
    Address address = params.address(0);
    requireCommitted(params, 1);
    return SYSTEM_CONTRACTS.contains(address) ? SYSTEM_CONTRACT_CODE : "0x";
  }

  private void requireCommitted(RpcParams params, int index) {
    if (queries.blockNumber(params, index).isEmpty()) {
      throw RpcException.invalidParams("block " + params.string(index) + " is not committed yet");
    }
  }

  private FeeHistory feeHistory(RpcParams params) {
    long requested = blockCount(params);
    OptionalLong newest = queries.blockNumber(params.required(1), "parameter 1");
    if (newest.isEmpty()) {
      throw RpcException.invalidParams("newest block is not committed yet");
    }
    int percentiles = params.optional(2).map(node -> node.isArray() ? node.size() : -1).orElse(0);
    if (percentiles < 0 || percentiles > PERCENTILES_MAX) {
      throw RpcException.invalidParams("rewardPercentiles must be an array of at most 100");
    }
    int count = (int) Math.min(Math.min(requested, newest.getAsLong() + 1), FEE_HISTORY_BLOCKS_MAX);
    long oldest = newest.getAsLong() - count + 1;
    List<List<String>> reward =
        params.optional(2).isEmpty()
            ? null
            : Collections.nCopies(count, Collections.nCopies(percentiles, Quantity.ZERO));
    return new FeeHistory(
        Quantity.of(oldest),
        Collections.nCopies(count + 1, Quantity.ZERO),
        new ArrayList<>(Collections.nCopies(count, 0.0)),
        reward);
  }

  /** The block count: a hex quantity (as most clients send it) or a plain integer. */
  private static long blockCount(RpcParams params) {
    var node = params.required(0);
    long count;
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      count = node.asLong();
    } else {
      count = params.quantity(0);
    }
    if (count < 1) {
      throw RpcException.invalidParams("blockCount must be at least 1");
    }
    return count;
  }
}
