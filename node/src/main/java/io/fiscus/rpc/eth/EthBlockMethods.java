package io.fiscus.rpc.eth;

import io.fiscus.block.Block;
import io.fiscus.block.BlockHeader;
import io.fiscus.block.TransactionOutcome;
import io.fiscus.chain.ChainReader;
import io.fiscus.chain.TransactionLocation;
import io.fiscus.mempool.TransactionPool;
import io.fiscus.rpc.Quantity;
import io.fiscus.rpc.RpcMethod;
import io.fiscus.rpc.RpcParams;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.types.Hash;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

/**
 * The chain-reading {@code eth_} methods: head, blocks, transactions and receipts. Unknown blocks
 * and transactions answer null, as Ethereum clients expect.
 */
public final class EthBlockMethods {
  private final ChainQueries queries;
  private final ChainReader chain;
  private final TransactionPool pool;
  private final long chainId;
  private final BooleanSupplier syncing;

  /**
   * @param syncing whether the node is catching up ({@code ConsensusControl::syncing})
   */
  public EthBlockMethods(
      ChainQueries queries, TransactionPool pool, long chainId, BooleanSupplier syncing) {
    this.queries = queries;
    this.chain = queries.chain();
    this.pool = pool;
    this.chainId = chainId;
    this.syncing = syncing;
  }

  /** {@code eth_syncing} while catching up: the head is the best block known locally. */
  public record SyncStatus(String startingBlock, String currentBlock, String highestBlock) {}

  public Map<String, RpcMethod> methods() {
    Map<String, RpcMethod> methods = new HashMap<>();
    methods.put("eth_chainId", params -> Quantity.of(chainId));
    methods.put("eth_blockNumber", params -> Quantity.of(chain.headNumber()));
    methods.put("eth_syncing", params -> syncStatus());
    methods.put(
        "eth_getBlockByNumber",
        params -> number(params, 0).flatMap(n -> block(n, params.bool(1))).orElse(null));
    methods.put(
        "eth_getBlockByHash",
        params -> byHash(params).flatMap(n -> block(n, params.bool(1))).orElse(null));
    methods.put(
        "eth_getBlockTransactionCountByNumber",
        params -> number(params, 0).flatMap(this::transactionCount).orElse(null));
    methods.put(
        "eth_getBlockTransactionCountByHash",
        params -> byHash(params).flatMap(this::transactionCount).orElse(null));
    methods.put("eth_getTransactionByHash", this::transactionByHash);
    methods.put(
        "eth_getTransactionByBlockNumberAndIndex",
        params -> number(params, 0).flatMap(n -> transactionAt(n, params)).orElse(null));
    methods.put(
        "eth_getTransactionByBlockHashAndIndex",
        params -> byHash(params).flatMap(n -> transactionAt(n, params)).orElse(null));
    methods.put("eth_getTransactionReceipt", this::receipt);
    methods.put("eth_getBlockReceipts", this::blockReceipts);
    return Map.copyOf(methods);
  }

  private Object syncStatus() {
    if (!syncing.getAsBoolean()) {
      return false;
    }
    String head = Quantity.of(chain.headNumber());
    return new SyncStatus(Quantity.ZERO, head, head);
  }

  private Optional<Long> number(RpcParams params, int index) {
    OptionalLong number = queries.blockNumber(params.required(index), "parameter " + index);
    return number.isPresent() ? Optional.of(number.getAsLong()) : Optional.empty();
  }

  private Optional<Long> byHash(RpcParams params) {
    return chain.numberOf(params.hash(0));
  }

  private Optional<BlockJson> block(long number, boolean fullTransactions) {
    Optional<Block> block = chain.block(number);
    if (block.isEmpty()) {
      return Optional.empty();
    }
    Hash hash = ChainQueries.hash(block.get().header());
    return Optional.of(
        BlockJson.of(
            block.get(),
            hash,
            queries.totalDifficulty(number),
            chain.transactions(number),
            fullTransactions));
  }

  private Optional<String> transactionCount(long number) {
    return chain.block(number).map(block -> Quantity.of(block.transactions().size()));
  }

  private TransactionJson transactionByHash(RpcParams params) {
    Hash hash = params.hash(0);
    Optional<TransactionLocation> location = chain.transactionLocation(hash);
    if (location.isPresent()) {
      TransactionLocation at = location.get();
      SignedTransaction transaction = chain.transactions(at.blockNumber()).get(at.index());
      return TransactionJson.included(transaction, at.blockHash(), at.blockNumber(), at.index());
    }
    return pool.get(hash).map(TransactionJson::pending).orElse(null);
  }

  private Optional<TransactionJson> transactionAt(long number, RpcParams params) {
    long index = params.quantity(1);
    List<SignedTransaction> transactions = chain.transactions(number);
    if (index >= transactions.size()) {
      return Optional.empty();
    }
    Optional<Hash> hash = queries.hash(number);
    return hash.map(
        blockHash ->
            TransactionJson.included(
                transactions.get((int) index), blockHash, number, (int) index));
  }

  private ReceiptJson receipt(RpcParams params) {
    Optional<TransactionLocation> location = chain.transactionLocation(params.hash(0));
    if (location.isEmpty()) {
      return null;
    }
    TransactionLocation at = location.get();
    List<TransactionOutcome> outcomes = chain.outcomes(at.blockNumber());
    SignedTransaction transaction = chain.transactions(at.blockNumber()).get(at.index());
    return ReceiptJson.of(
        transaction,
        outcomes.get(at.index()),
        at.index(),
        ReceiptJson.firstLogIndex(outcomes, at.index()),
        at.blockHash(),
        at.blockNumber());
  }

  private List<ReceiptJson> blockReceipts(RpcParams params) {
    String parameter = params.string(0);
    Optional<Long> number =
        parameter.length() == 2 + 2 * Hash.SIZE
            ? chain.numberOf(params.hash(0))
            : number(params, 0);
    if (number.isEmpty()) {
      return null;
    }
    Optional<BlockHeader> header = chain.header(number.get());
    if (header.isEmpty()) {
      return null;
    }
    return ReceiptJson.forBlock(
        chain.transactions(number.get()),
        chain.outcomes(number.get()),
        ChainQueries.hash(header.get()),
        number.get());
  }
}
