package io.fiscus.rpc.access;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fiscus.abi.AbiSignatures;
import io.fiscus.abi.AbiWriter;
import io.fiscus.contracts.records.LedgerRecords;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a {@link Look} is written on chain: a LedgerRecords {@code record(kind, key, payload)} call
 * with kind {@code "access-log"} (ASCII, left-aligned in 32 bytes), key the subject's address
 * left-padded to 32 bytes, and payload the UTF-8 JSON {@code
 * {"viewer":"0x…","subject":"0x…","method":"…","reason":"…","at":<seconds>}} in exactly this field
 * order. {@link #decode} reads such a payload back, strictly.
 */
public final class AccessLogCodec {
  /** The record kind of every look: {@code "access-log"} right-padded with zero bytes. */
  public static final Hash KIND = kind("access-log");

  /** The longest reason recorded; a longer one is refused rather than cut. */
  public static final int REASON_CHARS_MAX = 256;

  /** The longest method name recorded (JSON-RPC method names are far shorter). */
  public static final int METHOD_CHARS_MAX = 128;

  private static final Bytes RECORD_SELECTOR =
      AbiSignatures.selectorBytes(AbiSignatures.selector("record(bytes32,bytes32,bytes)"));
  private static final List<String> FIELDS = List.of("viewer", "subject", "method", "reason", "at");
  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-f]{40}");
  private static final JsonFactory JSON = new JsonFactory();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private AccessLogCodec() {}

  /** The record key of looks at {@code subject}: its 20 bytes after 12 zero bytes. */
  public static Hash key(Address subject) {
    byte[] key = new byte[Hash.SIZE];
    System.arraycopy(subject.bytes().unsafeArray(), 0, key, Hash.SIZE - Address.SIZE, Address.SIZE);
    return Hash.wrap(key);
  }

  /** Why {@code look} cannot be recorded, if it cannot: a reason or method over its bound. */
  public static Optional<String> whyUnrecordable(Look look) {
    if (look.reason().length() > REASON_CHARS_MAX) {
      return Optional.of("reason is longer than " + REASON_CHARS_MAX + " characters");
    }
    if (look.method().isEmpty() || look.method().length() > METHOD_CHARS_MAX) {
      return Optional.of("method must be 1.." + METHOD_CHARS_MAX + " characters");
    }
    if (look.atSeconds() < 0) {
      return Optional.of("time must not be negative");
    }
    if (!isText(look.reason())) {
      return Optional.of("reason is not valid Unicode text");
    }
    if (!isText(look.method())) {
      return Optional.of("method is not valid Unicode text");
    }
    return Optional.empty();
  }

  /** False if {@code value} holds a lone surrogate, which has no UTF-8 encoding. */
  private static boolean isText(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The JSON payload of {@code look}. Within the bounds of {@link #whyUnrecordable} it is at most
   * about 2.5 KB (every character escaped to six bytes), well under the contract's {@value
   * LedgerRecords#PAYLOAD_BYTES_MAX} bytes.
   */
  public static Bytes payload(Look look) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("viewer", look.viewer().toHex());
      json.writeStringField("subject", look.subject().toHex());
      json.writeStringField("method", look.method());
      json.writeStringField("reason", look.reason());
      json.writeNumberField("at", look.atSeconds());
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return Bytes.wrap(out.toByteArray());
  }

  /** The call data of {@code record(KIND, key(subject), payload(look))}. */
  public static Bytes recordCall(Look look) {
    Bytes arguments =
        new AbiWriter(3).bytes32(KIND).bytes32(key(look.subject())).bytes(payload(look)).toBytes();
    return RECORD_SELECTOR.concat(arguments);
  }

  /**
   * Reads a payload written by {@link #payload}: a JSON object with exactly the five fields, two
   * lower-case hex addresses, a non-blank reason and a non-negative integer time.
   *
   * @throws MalformedAccessLogException if {@code payload} is anything else (records of this kind
   *     can be written by any registered account, so a reader must expect garbage)
   */
  public static Look decode(Bytes payload) {
    JsonNode root;
    try {
      root = MAPPER.readTree(payload.unsafeArray());
    } catch (IOException e) {
      throw new MalformedAccessLogException("not JSON");
    }
    if (root == null || !root.isObject() || root.size() != FIELDS.size()) {
      throw new MalformedAccessLogException("not an object of " + FIELDS);
    }
    Iterator<String> names = root.fieldNames();
    for (String expected : FIELDS) {
      if (!names.next().equals(expected)) {
        throw new MalformedAccessLogException("fields must be " + FIELDS + " in this order");
      }
    }
    JsonNode at = root.get("at");
    if (!at.canConvertToExactIntegral() || !at.canConvertToLong() || at.asLong() < 0) {
      throw new MalformedAccessLogException("at must be non-negative Unix seconds");
    }
    String reason = text(root, "reason");
    if (reason.isBlank()) {
      throw new MalformedAccessLogException("reason is blank");
    }
    return new Look(
        address(root, "viewer"),
        address(root, "subject"),
        text(root, "method"),
        reason,
        at.asLong());
  }

  private static Address address(JsonNode root, String field) {
    String value = text(root, field);
    if (!ADDRESS.matcher(value).matches()) {
      throw new MalformedAccessLogException(field + " must be a lower-case hex address");
    }
    return Address.fromHex(value);
  }

  private static String text(JsonNode root, String field) {
    JsonNode value = root.get(field);
    if (!value.isTextual()) {
      throw new MalformedAccessLogException(field + " must be a string");
    }
    return value.textValue();
  }

  private static Hash kind(String ascii) {
    byte[] kind = new byte[Hash.SIZE];
    byte[] text = ascii.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(text, 0, kind, 0, text.length);
    return Hash.wrap(kind);
  }

  /** A payload of kind {@code access-log} that is not one {@link #payload} writes. */
  public static final class MalformedAccessLogException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedAccessLogException(String detail) {
      super("malformed access log payload: " + detail, null, false, false);
    }
  }
}
