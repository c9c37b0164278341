package io.fiscus.genesis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.genesis.GenesisException.Reason;
import io.fiscus.types.Address;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The accounts file: a JSON array of {@code {"name", "address", "privateKey", "roles", "tier",
 * "taxId", "bank", "balance"}}. In a file given to the generator {@code address} may be left out
 * when {@code privateKey} is given (and must match it when both are), {@code privateKey}, {@code
 * taxId}, {@code bank} (another entry's name or an address) and {@code balance} (a decimal string
 * of minor units) are optional.
 */
public final class AccountsFile {
  private static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

  private AccountsFile() {}

  /** Reads and checks an accounts file; errors name {@code file[i].field}. */
  public static List<AccountsFileEntry> read(Path file) {
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
    return parse(json, file.getFileName().toString());
  }

  /** Parses accounts-file text; {@code source} prefixes error paths. */
  public static List<AccountsFileEntry> parse(String json, String source) {
    JsonNode root = GenesisParser.readTree(json, source);
    if (!root.isArray() || root.isEmpty()) {
      throw new GenesisException(Reason.MALFORMED, source, "must be a non-empty JSON array");
    }
    List<AccountsFileEntry> entries = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      entries.add(entry(root.get(i), JsonValues.index(source, i)));
    }
    return entries;
  }

  /** The file's text, pretty-printed; keys are written as {@code 0x} hex. */
  public static String toJson(List<AccountsFileEntry> entries) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (AccountsFileEntry entry : entries) {
      ObjectNode node = array.addObject();
      node.put("name", entry.name());
      node.put("address", entry.address().toHex());
      node.put("privateKey", entry.privateKey().map(NodeKeyFile::format).orElse(null));
      ArrayNode roles = node.putArray("roles");
      entry.roles().forEach(role -> roles.add(role.name()));
      node.put("tier", entry.tier());
      node.put("taxId", entry.taxId().orElse(null));
      node.put("bank", entry.bank().orElse(null));
      node.put("balance", Long.toString(entry.balance()));
    }
    return GenesisWriter.pretty(array);
  }

  private static AccountsFileEntry entry(JsonNode node, String path) {
    JsonObjectReader fields = JsonObjectReader.of(node, path);
    String name = JsonValues.string(fields.required("name"), fields.pathOf("name"));
    if (name.isBlank()) {
      throw new GenesisException(Reason.INVALID, fields.pathOf("name"), "must not be blank");
    }
    Optional<PrivateKey> privateKey =
        fields.optional("privateKey").map(v -> privateKey(v, fields.pathOf("privateKey")));
    Optional<Address> given =
        fields.optional("address").map(v -> JsonValues.address(v, fields.pathOf("address")));
    Address address = address(given, privateKey, fields);
    JsonNode rolesNode = fields.required("roles");
    List<Role> roles = new ArrayList<>();
    if (!rolesNode.isArray()) {
      throw new GenesisException(Reason.MALFORMED, fields.pathOf("roles"), "must be an array");
    }
    for (int i = 0; i < rolesNode.size(); i++) {
      String rolePath = JsonValues.index(fields.pathOf("roles"), i);
      String roleName = JsonValues.string(rolesNode.get(i), rolePath);
      roles.add(
          Role.named(roleName)
              .orElseThrow(
                  () ->
                      new GenesisException(
                          Reason.INVALID,
                          rolePath,
                          "unknown role " + JsonValues.quoted(roleName))));
    }
    int tier = (int) JsonValues.quantityIn(fields.required("tier"), fields.pathOf("tier"), 1, 3);
    Optional<String> taxId =
        fields.optional("taxId").map(v -> JsonValues.string(v, fields.pathOf("taxId")));
    Optional<String> bank =
        fields.optional("bank").map(v -> JsonValues.string(v, fields.pathOf("bank")));
    long balance =
        fields
            .optional("balance")
            .map(v -> JsonValues.minorUnits(v, fields.pathOf("balance")))
            .orElse(0L);
    fields.rejectUnread(key -> false);
    return new AccountsFileEntry(name, address, privateKey, roles, tier, taxId, bank, balance);
  }

  private static Address address(
      Optional<Address> given, Optional<PrivateKey> privateKey, JsonObjectReader fields) {
    if (privateKey.isEmpty()) {
      return given.orElseThrow(
          () ->
              new GenesisException(
                  Reason.MISSING, fields.pathOf("address"), "required without a privateKey"));
    }
    Address derived = Secp256k1.address(privateKey.get());
    if (given.isPresent() && !given.get().equals(derived)) {
      throw new GenesisException(
          Reason.MISMATCH,
          fields.pathOf("address"),
          "does not match privateKey, whose address is " + derived);
    }
    return derived;
  }

  private static PrivateKey privateKey(JsonNode node, String path) {
    String text = JsonValues.string(node, path);
    try {
      return PrivateKey.fromHex(text);
    } catch (IllegalArgumentException e) {
      throw new GenesisException(
          Reason.INVALID, path, "not a secp256k1 private key (0x and 64 hex digits)", e);
    }
  }
}
