package io.fiscus.rpc.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fiscus.contracts.registry.RegistryStore;
import io.fiscus.rpc.RpcParams;
import io.fiscus.types.Address;
import io.fiscus.types.Hash;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Cuts a method's JSON answer down to what the caller may see: logs, receipts and block transaction
 * lists by their transaction, invoice and record pages by their accounts. Items are dropped, never
 * altered, so what remains is exactly what the unguarded method answered.
 */
final class ResultFilters {
  private ResultFilters() {}

  /** Keeps the elements of {@code array} that {@code visible} accepts (non-arrays unchanged). */
  static JsonNode keep(JsonNode array, Predicate<JsonNode> visible) {
    if (!array.isArray()) {
      return array;
    }
    ArrayNode kept = JsonNodeFactory.instance.arrayNode();
    array.forEach(
        item -> {
          if (visible.test(item)) {
            kept.add(item);
          }
        });
    return kept;
  }

  /**
   * A log, a receipt or a transaction (object or bare hash) is visible with its transaction; other
   * elements (block hashes from a block filter) are not about any account.
   */
  static boolean transactionVisible(Visibility visibility, JsonNode item) {
    Optional<Hash> hash = transactionHash(item);
    return hash.isEmpty() || visibility.seesTransaction(hash.get());
  }

  /** The transaction an item of a log, receipt or transaction list belongs to. */
  static Optional<Hash> transactionHash(JsonNode item) {
    if (!item.isObject()) {
      return Optional.empty();
    }
    for (String member : new String[] {"transactionHash", "hash"}) {
      JsonNode value = item.get(member);
      if (value != null && value.isTextual()) {
        return Optional.of(Hash.fromHex(value.asText()));
      }
    }
    return Optional.empty();
  }

  /** A block's {@code transactions}: hashes or objects, cut to the visible ones. */
  static JsonNode block(Visibility visibility, JsonNode block) {
    if (block instanceof ObjectNode object && object.get("transactions") instanceof ArrayNode all) {
      object.set(
          "transactions",
          keep(
              all,
              item ->
                  item.isTextual()
                      ? visibility.seesTransaction(Hash.fromHex(item.asText()))
                      : transactionVisible(visibility, item)));
    }
    return block;
  }

  /** A page's {@code items} kept by {@code visible}. */
  static JsonNode page(JsonNode page, Predicate<JsonNode> visible) {
    if (page instanceof ObjectNode object && object.get("items") != null) {
      object.set("items", keep(object.get("items"), visible));
    }
    return page;
  }

  /** An invoice is visible with its seller or its buyer. */
  static boolean invoiceVisible(Visibility visibility, JsonNode invoice) {
    return VisibilityRules.seesEveryInvoice(visibility.viewer())
        || visibility.seesAny(DataKind.INVOICES, invoiceParties(invoice));
  }

  static Set<Address> invoiceParties(JsonNode invoice) {
    Set<Address> parties = new LinkedHashSet<>();
    for (String member : new String[] {"seller", "buyer"}) {
      JsonNode value = invoice.get(member);
      if (value != null && value.isTextual()) {
        parties.add(Address.fromHex(value.asText()));
      }
    }
    return parties;
  }

  /** A record is its submitter's; a record of the audit trail is its subject's access log. */
  static boolean recordVisible(Visibility visibility, JsonNode record) {
    Hash kind = Hash.fromHex(record.get("kind").asText());
    Optional<Address> subject =
        kind.equals(AccessLogCodec.KIND)
            ? TransactionParties.account(Hash.fromHex(record.get("key").asText()))
            : Optional.empty();
    return subject.isPresent()
        ? visibility.sees(DataKind.ACCESS_LOG, subject.get())
        : visibility.sees(DataKind.RECORDS, Address.fromHex(record.get("submitter").asText()));
  }

  /** The accounts a filter object names in {@code members} (addresses or tax ids). */
  static Set<Address> named(Visibility visibility, RpcParams params, int index, String... members) {
    Set<Address> named = new LinkedHashSet<>();
    Optional<JsonNode> filter = params.optional(index).filter(JsonNode::isObject);
    if (filter.isEmpty()) {
      return named;
    }
    for (String member : members) {
      JsonNode value = filter.get().get(member);
      if (value == null || !value.isTextual()) {
        continue;
      }
      if (member.endsWith("TaxId")) {
        RegistryStore.accountByTaxId(visibility.state(), value.asText()).ifPresent(named::add);
      } else {
        named.add(RpcParams.parseAddress(value.asText(), "parameter " + index + "." + member));
      }
    }
    return named;
  }
}
