package io.fiscus.rpc.eth;

import com.fasterxml.jackson.databind.node.TextNode;
import io.fiscus.block.BlockHeader;
import io.fiscus.chain.ChainReader;
import io.fiscus.rpc.JsonRpcDispatcher;
import io.fiscus.rpc.RpcException;
import io.fiscus.rpc.RpcLimits;
import io.fiscus.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Finds the logs matching a {@link LogFilter} in committed blocks. Each header's logs bloom rules
 * blocks out before their receipts are read. Bounded: a range wider than {@code logsBlockRangeMax}
 * or an answer longer than {@code logsResultsMax} is -32005 {@code Limit exceeded}, so one query
 * cannot pin a dispatch thread or a large answer in memory.
 */
public final class LogSearch {
  private final ChainQueries queries;
  private final RpcLimits limits;

  public LogSearch(ChainQueries queries, RpcLimits limits) {
    this.queries = queries;
    this.limits = limits;
  }

  /** {@code eth_getLogs}: by block hash, or over {@code fromBlock..toBlock} (default latest). */
  public List<LogJson> logs(LogFilter filter) {
    if (filter.blockHash().isPresent()) {
      Hash hash = filter.blockHash().get();
      long number =
          queries
              .chain()
              .numberOf(hash)
              .orElseThrow(() -> RpcException.invalidParams("unknown block " + hash));
      return logs(number, number, filter);
    }
    long head = queries.chain().headNumber();
    long from = resolve(filter.fromBlock(), head, "fromBlock");
    long to = resolve(filter.toBlock(), head, "toBlock");
    if (from > head) {
      return List.of();
    }
    if (from > to) {
      throw RpcException.invalidParams("fromBlock is after toBlock");
    }
    return logs(from, Math.min(to, head), filter);
  }

  /** The matching logs of blocks {@code from..to}, both included; to may exceed the head. */
  public List<LogJson> logs(long from, long to, LogFilter filter) {
    long last = Math.min(to, queries.chain().headNumber());
    if (from > last) {
      return List.of();
    }
    if (last - from + 1 > limits.logsBlockRangeMax()) {
      throw limitExceeded(
          "block range of "
              + (last - from + 1)
              + " exceeds the limit of "
              + limits.logsBlockRangeMax());
    }
    List<LogJson> found = new ArrayList<>();
    for (long number = from; number <= last; number++) {
      Optional<BlockHeader> header = queries.chain().header(number);
      if (header.isEmpty() || !filter.mightMatch(header.get().logsBloom())) {
        continue;
      }
      blockLogs(number, ChainQueries.hash(header.get()), filter, found);
    }
    return found;
  }

  private void blockLogs(long number, Hash blockHash, LogFilter filter, List<LogJson> found) {
    ChainReader chain = queries.chain();
    for (LogJson.Located located :
        LogJson.locate(chain.transactions(number), chain.outcomes(number))) {
      if (filter.matches(located.log())) {
        if (found.size() == limits.logsResultsMax()) {
          throw limitExceeded(
              "more than " + limits.logsResultsMax() + " logs match; narrow the query");
        }
        found.add(located.json(blockHash, number));
      }
    }
  }

  private long resolve(Optional<String> bound, long head, String what) {
    if (bound.isEmpty()) {
      return head;
    }
    OptionalLong number = queries.blockNumber(TextNode.valueOf(bound.get()), what);
    // A bound above the head is clamped: those blocks have no logs yet.
    return number.orElse(Long.MAX_VALUE - 1);
  }

  static RpcException limitExceeded(String reason) {
    return new RpcException(
        JsonRpcDispatcher.LIMIT_EXCEEDED, "Limit exceeded", Optional.of(reason));
  }
}
