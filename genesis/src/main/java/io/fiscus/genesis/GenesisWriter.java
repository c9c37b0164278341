package io.fiscus.genesis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fiscus.block.BlockHeader;
import io.fiscus.contracts.registry.TierLimits;
import io.fiscus.types.Address;
import java.util.Map;

/**
 * Writes a {@link GenesisConfig} as a genesis file that {@link GenesisParser} reads back to an
 * equal config, in Besu's key spelling (durations in whole seconds where they are whole).
 */
public final class GenesisWriter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private GenesisWriter() {}

  /** The genesis file's text: pretty-printed JSON with a final newline. */
  public static String toJson(GenesisConfig genesis) {
    ObjectNode root = NODES.objectNode();
    ObjectNode config = root.putObject("config");
    config.put("chainId", genesis.chainId());
    config.set("qbft", qbft(genesis.qbft()));
    config.set("fiscus", fiscus(genesis));
    root.put("nonce", "0x0");
    root.put("timestamp", quantity(genesis.timestamp()));
    root.put("gasLimit", quantity(genesis.gasLimit()));
    root.put("difficulty", quantity(BlockHeader.BFT_DIFFICULTY));
    root.put("mixHash", BlockHeader.BFT_MIX_HASH.toHex());
    root.put("coinbase", genesis.coinbase().toHex());
    root.put("extraData", genesis.extraData().toHex());
    root.putObject("alloc");
    return pretty(root);
  }

  /** {@code node} as pretty JSON ({@code "key": value}, two-space indent) with a final newline. */
  static String pretty(JsonNode node) {
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""));
    printer.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
    try {
      return GenesisParser.JSON.writer(printer).writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  private static ObjectNode qbft(QbftOptions options) {
    ObjectNode qbft = NODES.objectNode();
    if (options.blockPeriodMillis() % 1000 == 0) {
      qbft.put("blockperiodseconds", options.blockPeriodMillis() / 1000);
    } else {
      qbft.put("blockperiodmilliseconds", options.blockPeriodMillis());
    }
    qbft.put("epochlength", options.epochLength());
    if (options.requestTimeoutMillis() % 1000 == 0) {
      qbft.put("requesttimeoutseconds", options.requestTimeoutMillis() / 1000);
    } else {
      qbft.put("requesttimeoutmilliseconds", options.requestTimeoutMillis());
    }
    options
        .emptyBlockPeriodMillis()
        .ifPresent(millis -> qbft.put("emptyblockperiodseconds", millis / 1000));
    return qbft;
  }

  private static ObjectNode fiscus(GenesisConfig genesis) {
    FiscusConfig fiscus = genesis.fiscus();
    ObjectNode section = NODES.objectNode();
    ObjectNode currency = section.putObject("currency");
    currency.put("name", fiscus.currency().name());
    currency.put("symbol", fiscus.currency().symbol());
    ObjectNode tiers = section.putObject("tierLimits");
    for (Map.Entry<Integer, TierLimits> entry : fiscus.tierLimits().entrySet()) {
      ObjectNode limits = tiers.putObject(Integer.toString(entry.getKey()));
      limits.put("maxBalance", Long.toString(entry.getValue().maxBalance()));
      limits.put("maxTransfer", Long.toString(entry.getValue().maxTransfer()));
      limits.put("dailyOutLimit", Long.toString(entry.getValue().dailyOutLimit()));
    }
    ArrayNode accounts = section.putArray("accounts");
    for (GenesisAccount account : fiscus.accounts()) {
      accounts.add(account(account));
    }
    ArrayNode validators = section.putArray("validators");
    for (Address validator : genesis.validators()) {
      validators.add(validator.toHex());
    }
    return section;
  }

  private static ObjectNode account(GenesisAccount account) {
    ObjectNode node = NODES.objectNode();
    account.name().ifPresent(name -> node.put("name", name));
    node.put("address", account.address().toHex());
    ArrayNode roles = node.putArray("roles");
    account.roles().forEach(role -> roles.add(role.name()));
    node.put("tier", account.tier());
    account.bank().ifPresent(bank -> node.put("bank", bank.toHex()));
    account.taxId().ifPresent(taxId -> node.put("taxId", taxId));
    if (account.balance() > 0) {
      node.put("balance", Long.toString(account.balance()));
    }
    return node;
  }

  private static String quantity(long value) {
    return "0x" + Long.toHexString(value);
  }
}
