package io.fiscus.rpc.access;

import com.fasterxml.jackson.databind.JsonNode;
import io.fiscus.contracts.system.SystemAddresses;
import io.fiscus.rpc.RpcException;
import io.fiscus.rpc.RpcMethod;
import io.fiscus.rpc.RpcParams;
import io.fiscus.rpc.state.CallRequest;
import io.fiscus.types.Address;
import io.fiscus.types.Hash;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which guard serves each method: the method side of the visibility table. Single items are refused
 * (-32000) or recorded; lists are cut to what the caller may see. Block headers, chain and node
 * status are public to every authenticated caller: the SDK's finality verifier needs headers.
 */
final class MethodGuards {
  private static final Map<String, Guard> GUARDS = new HashMap<>();

  static {
    for (String name :
        new String[] {
          "eth_accounts",
          "eth_blockNumber",
          "eth_chainId",
          "eth_feeHistory",
          "eth_gasPrice",
          "eth_maxPriorityFeePerGas",
          "eth_syncing",
          "eth_getCode",
          "eth_getBlockTransactionCountByHash",
          "eth_getBlockTransactionCountByNumber",
          "eth_sendRawTransaction",
          "eth_sendTransaction",
          "eth_newFilter",
          "eth_newBlockFilter",
          "eth_uninstallFilter",
          "net_version",
          "net_listening",
          "net_peerCount",
          "web3_clientVersion",
          "web3_sha3",
          "txpool_status",
          "admin_nodeInfo",
          "admin_peers",
          "rpc_modules",
          "cbdc_nodeStatus",
          "qbft_getValidatorsByBlockHash",
          "qbft_getValidatorsByBlockNumber",
          "qbft_getPendingVotes",
          "qbft_getSignerMetrics",
          "qbft_proposeValidatorVote",
          "qbft_discardValidatorVote"
        }) {
      GUARDS.put(name, Guard.PUBLIC);
    }
    for (String name : new String[] {"eth_getLogs", "eth_getFilterLogs", "eth_getFilterChanges"}) {
      GUARDS.put(name, MethodGuards::transactionList);
    }
    GUARDS.put("eth_getBlockReceipts", MethodGuards::transactionList);
    GUARDS.put("eth_getBlockByHash", MethodGuards::block);
    GUARDS.put("eth_getBlockByNumber", MethodGuards::block);
    for (String name :
        new String[] {
          "eth_getTransactionByHash",
          "eth_getTransactionByBlockHashAndIndex",
          "eth_getTransactionByBlockNumberAndIndex",
          "eth_getTransactionReceipt"
        }) {
      GUARDS.put(name, MethodGuards::transaction);
    }
    GUARDS.put("cbdc_getFinalityProof", MethodGuards::finalityProof);
    GUARDS.put("eth_getBalance", account(DataKind.ACCOUNT));
    GUARDS.put("eth_getTransactionCount", account(DataKind.ACCOUNT));
    GUARDS.put("cbdc_getAccount", account(DataKind.ACCOUNT));
    GUARDS.put("cbdc_getAccountHistory", account(DataKind.HISTORY));
    GUARDS.put("cbdc_getAccessLog", account(DataKind.ACCESS_LOG));
    GUARDS.put("eth_getProof", MethodGuards::proof);
    GUARDS.put("eth_call", MethodGuards::call);
    GUARDS.put("eth_estimateGas", MethodGuards::call);
    GUARDS.put("cbdc_getSupply", MethodGuards::supply);
    GUARDS.put("cbdc_getInvoice", MethodGuards::invoice);
    GUARDS.put("cbdc_getInvoices", MethodGuards::invoices);
    GUARDS.put("cbdc_getTaxSummary", MethodGuards::taxSummary);
    GUARDS.put("cbdc_getRecords", MethodGuards::records);
  }

  // Every guard runs the method before it records a look: reading changes nothing, so a call the
  // method refuses as malformed leaves no record, and the answer is still withheld until the look
  // is recorded.

  private MethodGuards() {}

  /** The guard of {@code method}; empty for a method the rules do not know. */
  static Optional<Guard> of(String method) {
    return Optional.ofNullable(GUARDS.get(method));
  }

  /** The methods the rules know, for tests. */
  static Set<String> known() {
    return Set.copyOf(GUARDS.keySet());
  }

  /** Data about the account in parameter 0. */
  private static Guard account(DataKind kind) {
    return (visibility, params, method) -> {
      Address subject = params.address(0);
      Object answer = method.call(params);
      visibility.require(kind, subject);
      return answer;
    };
  }

  private static Object transactionList(Visibility visibility, RpcParams params, RpcMethod method) {
    JsonNode all = GuardedMethods.tree(method.call(params));
    return ResultFilters.keep(all, item -> ResultFilters.transactionVisible(visibility, item));
  }

  private static Object block(Visibility visibility, RpcParams params, RpcMethod method) {
    return ResultFilters.block(visibility, GuardedMethods.tree(method.call(params)));
  }

  private static Object transaction(Visibility visibility, RpcParams params, RpcMethod method) {
    JsonNode answer = GuardedMethods.tree(method.call(params));
    Optional<Hash> hash = ResultFilters.transactionHash(answer);
    if (hash.isEmpty()) {
      return answer;
    }
    if (visibility.parties(hash.get()).isPresent()) {
      visibility.requireTransaction(hash.get());
    } else if (answer.hasNonNull("from")) {
      // Pending: only its sender and target are known yet.
      visibility.require(
          TransactionParties.pending(
              Address.fromHex(answer.get("from").asText()),
              Optional.ofNullable(answer.get("to"))
                  .filter(JsonNode::isTextual)
                  .map(to -> Address.fromHex(to.asText()))));
    }
    return answer;
  }

  private static Object finalityProof(Visibility visibility, RpcParams params, RpcMethod method) {
    Hash transaction = params.hash(0);
    Object answer = method.call(params);
    visibility.requireTransaction(transaction);
    return answer;
  }

  /** Account proofs are the account's; raw storage of the system contracts is no one's to read. */
  private static Object proof(Visibility visibility, RpcParams params, RpcMethod method) {
    Address address = params.address(0);
    boolean storage = params.optional(1).filter(keys -> !keys.isEmpty()).isPresent();
    if (storage && isSystemContract(address)) {
      throw RpcException.forbidden(
          "raw storage of the system contracts is not visible over RPC; use their views");
    }
    Object answer = method.call(params);
    visibility.require(DataKind.ACCOUNT, address);
    return answer;
  }

  private static boolean isSystemContract(Address address) {
    return address.equals(SystemAddresses.REGISTRY)
        || address.equals(SystemAddresses.TOKEN)
        || address.equals(SystemAddresses.TAX_INVOICES)
        || address.equals(SystemAddresses.LEDGER_RECORDS);
  }

  private static Object call(Visibility visibility, RpcParams params, RpcMethod method) {
    CallRequest call = CallRequest.parse(params, 0);
    Object result = method.call(params);
    CallTargets.before(visibility, call);
    CallTargets.after(visibility, call, result);
    return result;
  }

  private static Object supply(Visibility visibility, RpcParams params, RpcMethod method) {
    visibility.require(DataKind.SUPPLY, Address.ZERO);
    return method.call(params);
  }

  private static Object invoice(Visibility visibility, RpcParams params, RpcMethod method) {
    JsonNode invoice = GuardedMethods.tree(method.call(params));
    if (invoice.isObject()) {
      visibility.requireAny(
          DataKind.INVOICES,
          ResultFilters.invoiceParties(invoice),
          "invoice " + invoice.path("id").asText());
    }
    return invoice;
  }

  /**
   * A query naming a seller or buyer is an authority's look at them, recorded; the page keeps what
   * the caller sees.
   */
  private static Object invoices(Visibility visibility, RpcParams params, RpcMethod method) {
    Set<Address> named =
        ResultFilters.named(visibility, params, 0, "seller", "buyer", "sellerTaxId", "buyerTaxId");
    JsonNode page = GuardedMethods.tree(method.call(params));
    visibility.recordNamed(DataKind.INVOICES, named);
    return ResultFilters.page(page, item -> ResultFilters.invoiceVisible(visibility, item));
  }

  private static Object taxSummary(Visibility visibility, RpcParams params, RpcMethod method) {
    Set<Address> seller = ResultFilters.named(visibility, params, 0, "seller", "sellerTaxId");
    if (seller.isEmpty()) {
      // A tax id no account holds: only who may see every seller's summary may ask about it.
      if (!VisibilityRules.seesEveryInvoice(visibility.viewer())) {
        throw RpcException.forbidden("the tax summary of an unknown tax id is not visible");
      }
      return method.call(params);
    }
    Address subject = seller.iterator().next();
    Object answer = method.call(params);
    visibility.require(DataKind.TAX_SUMMARY, subject);
    return answer;
  }

  private static Object records(Visibility visibility, RpcParams params, RpcMethod method) {
    Set<Address> submitter = ResultFilters.named(visibility, params, 0, "submitter");
    Optional<JsonNode> filter = params.optional(0).filter(JsonNode::isObject);
    Optional<Hash> kind = hashMember(filter, "kind");
    Optional<Hash> key = hashMember(filter, "key");
    JsonNode page = GuardedMethods.tree(method.call(params));
    if (kind.filter(AccessLogCodec.KIND::equals).isPresent() && key.isPresent()) {
      TransactionParties.account(key.get())
          .ifPresent(subject -> visibility.require(DataKind.ACCESS_LOG, subject));
    } else {
      visibility.recordNamed(DataKind.RECORDS, submitter);
    }
    return ResultFilters.page(page, item -> ResultFilters.recordVisible(visibility, item));
  }

  private static Optional<Hash> hashMember(Optional<JsonNode> filter, String member) {
    return filter
        .map(object -> object.get(member))
        .filter(JsonNode::isTextual)
        .map(value -> RpcParams.parseHash(value.asText(), "parameter 0." + member));
  }
}
