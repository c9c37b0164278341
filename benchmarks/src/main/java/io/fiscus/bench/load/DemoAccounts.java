package io.fiscus.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.types.Address;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** The demo accounts {@code fiscus genesis generate} writes to {@code accounts.json}, by name. */
public final class DemoAccounts {
  /** One account that can sign. */
  public record Account(String name, Address address, PrivateKey key) {}

  private final Map<String, Account> byName;

  private DemoAccounts(Map<String, Account> byName) {
    this.byName = byName;
  }

  public static DemoAccounts read(Path accountsJson) {
    try {
      JsonNode list = new ObjectMapper().readTree(accountsJson.toFile());
      Map<String, Account> byName = new TreeMap<>();
      for (JsonNode entry : list) {
        String name = entry.path("name").asText();
        byName.put(
            name,
            new Account(
                name,
                Address.fromHex(entry.path("address").asText()),
                PrivateKey.fromHex(entry.path("privateKey").asText())));
      }
      return new DemoAccounts(byName);
    } catch (IOException unreadable) {
      throw new UncheckedIOException("cannot read " + accountsJson, unreadable);
    }
  }

  public Account get(String name) {
    Account account = byName.get(name);
    if (account == null) {
      throw new IllegalStateException("accounts.json has no account named " + name);
    }
    return account;
  }
}
