package io.fiscus.rpc.cbdc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fiscus.chain.ChainReader;
import io.fiscus.index.LedgerIndex;
import io.fiscus.index.Page;
import io.fiscus.index.RecordEntry;
import io.fiscus.index.RecordQuery;
import io.fiscus.rpc.BlockParameter;
import io.fiscus.rpc.Quantity;
import io.fiscus.rpc.RpcException;
import io.fiscus.rpc.RpcParams;
import io.fiscus.rpc.access.AccessLogCodec;
import io.fiscus.rpc.access.Look;
import io.fiscus.types.Address;
import java.util.Optional;

/**
 * {@code cbdc_getAccessLog [subject, fromBlock?, toBlock?]}: the looks recorded about {@code
 * subject}, newest first, read from the records index (LedgerRecords entries of kind {@code
 * access-log} keyed by the subject, whoever submitted them). At most {@value #LOOKS_MAX} looks are
 * answered; a narrower block range reaches older ones.
 */
final class AccessLogQuery {
  static final int LOOKS_MAX = IndexQueries.LIMIT_MAX;

  private final ChainReader chain;
  private final LedgerIndex index;

  AccessLogQuery(ChainReader chain, LedgerIndex index) {
    this.chain = chain;
    this.index = index;
  }

  Object accessLog(RpcParams params) {
    Address subject = params.address(0);
    long head = chain.headNumber();
    long fromBlock = bound(params, 1, head, 0);
    long toBlock = bound(params, 2, head, head);
    if (fromBlock > toBlock) {
      throw RpcException.invalidParams("parameter 1 (fromBlock) is after parameter 2 (toBlock)");
    }
    ArrayNode looks = JsonNodeFactory.instance.arrayNode();
    Optional<String> cursor = Optional.empty();
    do {
      Page<RecordEntry> page =
          index.records(
              new RecordQuery(
                  Optional.empty(),
                  Optional.of(AccessLogCodec.KIND),
                  Optional.of(AccessLogCodec.key(subject)),
                  cursor,
                  IndexQueries.LIMIT_MAX));
      for (RecordEntry entry : page.items()) {
        if (entry.blockNumber() < fromBlock) {
          return looks; // newest first: everything after this is older still
        }
        if (entry.blockNumber() <= toBlock) {
          looks.add(look(entry));
          if (looks.size() == LOOKS_MAX) {
            return looks;
          }
        }
      }
      cursor = page.nextCursor();
    } while (cursor.isPresent());
    return looks;
  }

  /**
   * One look as {@link AccessLogCodec} wrote it ({@code viewer, subject, method, reason, at}), with
   * where and by whom it was recorded. Any registered account can write a record of this kind, so a
   * payload that is not a look is shown raw, as {@code payload}, and not as a look.
   */
  static ObjectNode look(RecordEntry entry) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    try {
      Look look = AccessLogCodec.decode(entry.payload());
      out.put("viewer", look.viewer().toHex());
      out.put("subject", look.subject().toHex());
      out.put("method", look.method());
      out.put("reason", look.reason());
      out.put("at", look.atSeconds());
    } catch (AccessLogCodec.MalformedAccessLogException e) {
      out.put("payload", entry.payload().toHex());
    }
    out.put("recordedBy", entry.submitter().toHex());
    out.put("blockNumber", Quantity.of(entry.blockNumber()));
    out.put("txHash", entry.transactionHash().toHex());
    return out;
  }

  private static long bound(RpcParams params, int index, long head, long absent) {
    return params
        .optional(index)
        .map(node -> BlockParameter.number(node, "parameter " + index, head))
        .orElse(absent);
  }
}
