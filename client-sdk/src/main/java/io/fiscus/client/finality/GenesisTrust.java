package io.fiscus.client.finality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fiscus.block.BlockCodecException;
import io.fiscus.block.QbftExtraData;
import io.fiscus.block.QbftExtraDataCodec;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a client takes from a genesis file: the validators in its QBFT {@code extraData} and the
 * epoch length of {@code config.qbft} (keys case-insensitive, numbers as JSON integers, hex or
 * decimal strings, as the node reads them; {@code docs/genesis.md}). Nothing else of the file
 * matters to finality, so nothing else is checked here: the node checks the rest.
 *
 * @param validators the genesis validators, in the file's order
 * @param epochLength blocks between vote resets
 */
record GenesisTrust(List<Address> validators, long epochLength) {
  /** Genesis files are small; a bigger one is a mistake (the node's limit too). */
  static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  GenesisTrust {
    validators = List.copyOf(validators);
  }

  static GenesisTrust read(Path file) {
    JsonNode root = parse(file);
    String where = file.toString();
    JsonNode extraDataNode =
        field(root, "extraData", where)
            .orElseThrow(() -> new InvalidGenesisException(where + ": extraData is missing"));
    List<Address> validators = validators(extraDataNode, where);
    long epochLength =
        field(root, "config", where)
            .flatMap(config -> field(config, "qbft", where))
            .flatMap(qbft -> field(qbft, "epochlength", where))
            .map(node -> epochLength(node, where))
            .orElse(TrustedValidators.DEFAULT_EPOCH_LENGTH);
    return new GenesisTrust(validators, epochLength);
  }

  private static JsonNode parse(Path file) {
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new InvalidGenesisException(file + ": larger than " + MAX_FILE_BYTES + " bytes");
      }
      JsonNode root = JSON.readTree(Files.readAllBytes(file));
      if (root == null || !root.isObject()) {
        throw new InvalidGenesisException(file + ": not a JSON object");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new InvalidGenesisException(file + ": not JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new InvalidGenesisException(file + ": cannot read it: " + e.getMessage(), e);
    }
  }

  /**
   * The member {@code name} of {@code object}, compared case-insensitively as Besu does; the same
   * key twice in different cases is refused, as the node refuses it.
   */
  private static Optional<JsonNode> field(JsonNode object, String name, String where) {
    if (!object.isObject()) {
      return Optional.empty();
    }
    Optional<JsonNode> found = Optional.empty();
    for (Map.Entry<String, JsonNode> entry : object.properties()) {
      if (entry.getKey().equalsIgnoreCase(name)) {
        if (found.isPresent()) {
          throw new InvalidGenesisException(where + ": the key " + name + " is given twice");
        }
        found = Optional.of(entry.getValue());
      }
    }
    return found;
  }

  private static List<Address> validators(JsonNode node, String where) {
    if (!node.isTextual()) {
      throw new InvalidGenesisException(where + ": extraData must be a hex string");
    }
    QbftExtraData extraData;
    try {
      extraData = QbftExtraDataCodec.decode(Bytes.fromHex(node.asText()));
    } catch (BlockCodecException | IllegalArgumentException e) {
      throw new InvalidGenesisException(
          where + ": extraData is not QBFT extraData: " + e.getMessage(), e);
    }
    if (extraData.validators().isEmpty()) {
      throw new InvalidGenesisException(where + ": extraData lists no validators");
    }
    Set<Address> seen = new HashSet<>();
    for (Address validator : extraData.validators()) {
      if (!seen.add(validator)) {
        throw new InvalidGenesisException(
            where + ": extraData lists validator " + validator + " twice");
      }
    }
    return extraData.validators();
  }

  private static long epochLength(JsonNode node, String where) {
    BigInteger value;
    try {
      if (node.isIntegralNumber()) {
        value = node.bigIntegerValue();
      } else if (node.isTextual()) {
        String text = node.asText().trim().toLowerCase(Locale.ROOT);
        value =
            text.startsWith("0x") ? new BigInteger(text.substring(2), 16) : new BigInteger(text);
      } else {
        throw new NumberFormatException("not a number");
      }
    } catch (NumberFormatException e) {
      throw new InvalidGenesisException(
          where + ": config.qbft.epochlength is not a number: " + node, e);
    }
    if (value.signum() <= 0 || value.bitLength() > 63) {
      throw new InvalidGenesisException(
          where + ": config.qbft.epochlength must be 1.." + Long.MAX_VALUE + ", got " + value);
    }
    return value.longValueExact();
  }
}
