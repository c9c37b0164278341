package io.fiscus.genesis;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fiscus.block.BlockCodecException;
import io.fiscus.block.BlockHeader;
import io.fiscus.block.QbftExtraData;
import io.fiscus.block.QbftExtraDataCodec;
import io.fiscus.contracts.SystemContracts;
import io.fiscus.genesis.GenesisException.Reason;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads Besu's QBFT genesis format plus {@code config.fiscus} ({@code docs/genesis.md}). Keys are
 * case-insensitive, as in Besu. Strict: unknown keys are errors, except Besu's fork milestones and
 * EVM settings under {@code config}, which mean nothing to Fiscus and are ignored.
 */
public final class GenesisParser {
  /** Genesis files are small; a bigger one is a mistake, not a genesis. */
  public static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

  static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(JsonParser.Feature.ALLOW_COMMENTS)
          .build();

  /** Besu's fork milestones ({@code londonBlock}, {@code shanghaiTime}…): ignored. */
  private static final Pattern FORK_MILESTONE = Pattern.compile("[a-z0-9]+(block|time)");

  /** Besu {@code config} keys that set EVM details Fiscus does not have: ignored. */
  private static final Set<String> IGNORED_CONFIG_KEYS =
      Set.of(
          "zerobasefee",
          "contractsizelimit",
          "evmstacksize",
          "eip150hash",
          "blobschedule",
          "depositcontractaddress",
          "withdrawalrequestcontractaddress",
          "consolidationrequestcontractaddress");

  private GenesisParser() {}

  /** Parses and checks the genesis file at {@code file}. */
  public static GenesisConfig parse(Path file) {
    String json;
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new GenesisException(
            Reason.FILE, file.toString(), "larger than " + MAX_FILE_BYTES + " bytes");
      }
      json = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new GenesisException(Reason.FILE, file.toString(), "no such file", e);
    } catch (IOException e) {
      throw new GenesisException(Reason.FILE, file.toString(), "cannot read: " + e, e);
    }
    return parse(json);
  }

  /** Parses and checks genesis JSON text. */
  public static GenesisConfig parse(String json) {
    JsonObjectReader top = JsonObjectReader.of(readTree(json, "genesis"), "");
    JsonObjectReader config = JsonObjectReader.of(top.required("config"), "config");
    long chainId =
        JsonValues.quantityIn(config.required("chainId"), "config.chainId", 1, Long.MAX_VALUE);
    QbftOptions qbft = QbftOptionsParser.parse(config);
    JsonObjectReader fiscusSection =
        JsonObjectReader.of(config.required("fiscus"), "config.fiscus");
    checkConfigKeys(config);

    Bytes extraData = JsonValues.hex(top.required("extraData"), "extraData");
    List<Address> validators = genesisValidators(extraData);
    long gasLimit =
        JsonValues.quantityIn(
            top.required("gasLimit"), "gasLimit", SystemContracts.BASE_GAS, Long.MAX_VALUE);
    long timestamp =
        top.optional("timestamp").map(v -> JsonValues.quantity(v, "timestamp")).orElse(0L);
    Address coinbase =
        top.optional("coinbase").map(v -> JsonValues.address(v, "coinbase")).orElse(Address.ZERO);
    checkConstants(top);
    top.rejectUnread(key -> false);

    FiscusConfig fiscus = FiscusSectionParser.parse(fiscusSection, validators);
    return new GenesisConfig(
        chainId, qbft, gasLimit, timestamp, coinbase, extraData, validators, fiscus);
  }

  static JsonNode readTree(String json, String what) {
    try {
      JsonNode node = JSON.readTree(json);
      if (node == null || node.isMissingNode()) {
        throw new GenesisException(Reason.MALFORMED, what, "empty file");
      }
      return node;
    } catch (JsonProcessingException e) {
      String detail = e.getOriginalMessage();
      if (e.getLocation() != null) {
        detail +=
            " (line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr()
                + ")";
      }
      throw new GenesisException(Reason.MALFORMED, what, "not valid JSON: " + detail, e);
    }
  }

  private static void checkConfigKeys(JsonObjectReader config) {
    String onlyQbft = "Fiscus runs QBFT only; remove this section";
    config.reject("ethash", onlyQbft);
    config.reject("clique", onlyQbft);
    config.reject("ibft2", onlyQbft);
    config.reject("ibft", onlyQbft);
    config.reject(
        "transitions", "transitions are not supported: block period and validators are fixed");
    config.reject(
        "terminalTotalDifficulty", "a QBFT chain cannot move to proof of stake; remove it");
    config
        .optional("ecCurve")
        .ifPresent(
            curve -> {
              String name = JsonValues.string(curve, config.pathOf("ecCurve"));
              if (!name.toLowerCase(Locale.ROOT).equals("secp256k1")) {
                throw new GenesisException(
                    Reason.UNSUPPORTED,
                    config.pathOf("ecCurve"),
                    "only secp256k1 is supported, got " + JsonValues.quoted(name));
              }
            });
    config.rejectUnread(
        key -> FORK_MILESTONE.matcher(key).matches() || IGNORED_CONFIG_KEYS.contains(key));
  }

  private static List<Address> genesisValidators(Bytes extraData) {
    QbftExtraData decoded;
    try {
      decoded = QbftExtraDataCodec.decode(extraData);
    } catch (BlockCodecException e) {
      throw new GenesisException(
          Reason.INVALID, "extraData", "not QBFT extraData: " + e.getMessage(), e);
    }
    if (decoded.validators().isEmpty()) {
      throw new GenesisException(
          Reason.INVALID,
          "extraData",
          "lists no validators (contract validator mode is not supported)");
    }
    Set<Address> seen = new HashSet<>();
    for (Address validator : decoded.validators()) {
      if (!seen.add(validator)) {
        throw new GenesisException(
            Reason.DUPLICATE, "extraData", "validator " + validator + " is listed twice");
      }
    }
    if (decoded.vote().isPresent()) {
      throw new GenesisException(Reason.INVALID, "extraData", "a genesis block carries no vote");
    }
    if (decoded.round() != 0) {
      throw new GenesisException(
          Reason.INVALID, "extraData", "a genesis block has round 0, got " + decoded.round());
    }
    if (!decoded.commitSeals().isEmpty()) {
      throw new GenesisException(
          Reason.INVALID, "extraData", "a genesis block carries no commit seals");
    }
    return decoded.validators();
  }

  /** The header fields whose value QBFT and Fiscus fix: they may be given, but only so. */
  private static void checkConstants(JsonObjectReader top) {
    long difficulty = JsonValues.quantity(top.required("difficulty"), "difficulty");
    if (difficulty != BlockHeader.BFT_DIFFICULTY) {
      throw new GenesisException(
          Reason.INVALID, "difficulty", "QBFT requires 0x1, got 0x" + Long.toHexString(difficulty));
    }
    Hash mixHash = JsonValues.hash(top.required("mixHash"), "mixHash");
    if (!mixHash.equals(BlockHeader.BFT_MIX_HASH)) {
      throw new GenesisException(
          Reason.INVALID, "mixHash", "QBFT requires " + BlockHeader.BFT_MIX_HASH.toHex());
    }
    requireZero(top, "nonce");
    requireZero(top, "number");
    requireZero(top, "gasUsed");
    requireZero(top, "baseFeePerGas");
    top.optional("parentHash")
        .ifPresent(
            value -> {
              if (!JsonValues.hash(value, "parentHash").equals(Hash.ZERO)) {
                throw new GenesisException(Reason.INVALID, "parentHash", "must be zero at genesis");
              }
            });
    top.optional("alloc")
        .ifPresent(
            alloc -> {
              if (!alloc.isObject() || !alloc.isEmpty()) {
                throw new GenesisException(
                    Reason.UNSUPPORTED,
                    "alloc",
                    "must be empty: Fiscus has no ether; give balances in"
                        + " config.fiscus.accounts[].balance");
              }
            });
  }

  private static void requireZero(JsonObjectReader top, String name) {
    top.optional(name)
        .ifPresent(
            value -> {
              if (JsonValues.quantity(value, name) != 0) {
                throw new GenesisException(Reason.INVALID, name, "must be 0 at genesis");
              }
            });
  }
}
