package io.fiscus.client.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.utils.Numeric;

/**
 * The devnet's network: generated once by the real {@code fiscus genesis generate} and reused
 * afterwards. Only the institutions exist at genesis (the central bank, two commercial banks, the
 * tax authority, an auditor), without money: the demo issues the currency and opens the retail
 * accounts itself, as a real network would.
 */
final class DevnetNetwork {
  static final long CHAIN_ID = 1337;
  static final long BLOCK_PERIOD_MILLIS = 1000;

  /**
   * An empty block at most every 5 seconds: a heartbeat that shows the chain alive while nobody
   * pays, without growing the chain by a block a second (ADR 0016).
   */
  static final long EMPTY_BLOCK_PERIOD_SECONDS = 5;

  /** The accounts registered at genesis: name, role, registering account. */
  private static final List<List<String>> INSTITUTIONS =
      List.of(
          List.of("central-bank", "CENTRAL_BANK", ""),
          List.of("bank-a", "BANK", "central-bank"),
          List.of("bank-b", "BANK", "central-bank"),
          List.of("tax-authority", "TAX_AUTHORITY", "central-bank"),
          List.of("auditor", "AUDITOR", "central-bank"));

  private static final ObjectMapper JSON = new ObjectMapper();

  final DevnetLayout layout;
  final long chainId;
  final String currencySymbol;
  final List<Credentials> validatorKeys;
  final Map<String, Credentials> accounts;

  private DevnetNetwork(
      DevnetLayout layout,
      long chainId,
      String currencySymbol,
      List<Credentials> validatorKeys,
      Map<String, Credentials> accounts) {
    this.layout = layout;
    this.chainId = chainId;
    this.currencySymbol = currencySymbol;
    this.validatorKeys = List.copyOf(validatorKeys);
    this.accounts = Map.copyOf(accounts);
  }

  /** Generates a network of {@code validators} into an absent or empty directory. */
  static DevnetNetwork generate(DevnetLayout layout, int validators, NodeLauncher launcher)
      throws IOException {
    Path accountsInput = Files.createTempFile("devnet-accounts", ".json");
    try {
      Files.writeString(accountsInput, institutionsJson());
      List<String> args =
          List.of(
              "genesis",
              "generate",
              "--validators",
              Integer.toString(validators),
              "--out",
              layout.root().toString(),
              "--chain-id",
              Long.toString(CHAIN_ID),
              "--block-period-ms",
              Long.toString(BLOCK_PERIOD_MILLIS),
              "--accounts",
              accountsInput.toString());
      runGenerator(launcher, args);
    } finally {
      Files.deleteIfExists(accountsInput);
    }
    addEmptyBlockPeriod(layout.genesis());
    DevnetNetwork network = read(layout);
    for (Map.Entry<String, Credentials> account : network.accounts.entrySet()) {
      writeKeyFile(layout.keyFile(account.getKey()), account.getValue());
    }
    return network;
  }

  /** Reads a network this class generated earlier. */
  static DevnetNetwork read(DevnetLayout layout) throws IOException {
    JsonNode genesis = JSON.readTree(layout.genesis().toFile());
    long chainId = genesis.path("config").path("chainId").asLong();
    String symbol = genesis.path("config").path("fiscus").path("currency").path("symbol").asText();
    List<Credentials> validatorKeys = new ArrayList<>();
    for (int k = 1; k <= layout.validatorCount(); k++) {
      validatorKeys.add(Credentials.create(Files.readString(layout.nodeKey(k)).trim()));
    }
    Map<String, Credentials> accounts = new LinkedHashMap<>();
    for (JsonNode account : JSON.readTree(layout.accounts().toFile())) {
      accounts.put(
          account.get("name").asText(), Credentials.create(account.get("privateKey").asText()));
    }
    return new DevnetNetwork(layout, chainId, symbol, validatorKeys, accounts);
  }

  /** Deletes a devnet directory and everything in it (nodes must be stopped). */
  static void delete(DevnetLayout layout) throws IOException {
    if (!Files.exists(layout.root())) {
      return;
    }
    try (Stream<Path> paths = Files.walk(layout.root())) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  int validatorCount() {
    return validatorKeys.size();
  }

  Credentials account(String name) {
    Credentials credentials = accounts.get(name);
    if (credentials == null) {
      throw new DevnetException(
          layout.shown(layout.accounts()) + " has no account named " + name + "; use --fresh");
    }
    return credentials;
  }

  /** Validator {@code k}'s enode URL (1-based) at a p2p port. */
  String enode(int k, int p2pPort) {
    String publicKey =
        Numeric.toHexStringNoPrefixZeroPadded(
            validatorKeys.get(k - 1).getEcKeyPair().getPublicKey(), 128);
    return "enode://" + publicKey + "@127.0.0.1:" + p2pPort;
  }

  String validatorAddress(int k) {
    return validatorKeys.get(k - 1).getAddress();
  }

  private static String institutionsJson() throws IOException {
    ArrayNode array = JSON.createArrayNode();
    for (List<String> institution : INSTITUTIONS) {
      ObjectNode entry = array.addObject();
      entry.put("name", institution.get(0));
      entry.put("privateKey", newPrivateKey());
      entry.putArray("roles").add(institution.get(1));
      entry.put("tier", 3);
      if (!institution.get(2).isEmpty()) {
        entry.put("bank", institution.get(2));
      }
    }
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(array);
  }

  private static String newPrivateKey() {
    try {
      return Numeric.toHexStringWithPrefixZeroPadded(Keys.createEcKeyPair().getPrivateKey(), 64);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no secure random source for a new key", e);
    }
  }

  private static void runGenerator(NodeLauncher launcher, List<String> args) throws IOException {
    Process generator =
        new ProcessBuilder(launcher.command(args)).redirectErrorStream(true).start();
    byte[] output = generator.getInputStream().readAllBytes();
    try {
      int exit = generator.waitFor();
      if (exit != 0) {
        throw new DevnetException(
            "fiscus genesis generate failed (exit "
                + exit
                + "): "
                + new String(output, StandardCharsets.UTF_8).strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DevnetException("interrupted while generating the network");
    }
  }

  private static void addEmptyBlockPeriod(Path genesisFile) throws IOException {
    ObjectNode genesis = (ObjectNode) JSON.readTree(genesisFile.toFile());
    ((ObjectNode) genesis.path("config").path("qbft"))
        .put("emptyblockperiodseconds", EMPTY_BLOCK_PERIOD_SECONDS);
    JSON.writerWithDefaultPrettyPrinter().writeValue(genesisFile.toFile(), genesis);
  }

  /**
   * Writes a private key as {@code fiscus-client --key-file} reads it, readable by the owner only.
   */
  static void writeKeyFile(Path file, Credentials credentials) throws IOException {
    Files.createDirectories(file.getParent());
    Files.deleteIfExists(file);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(
        file,
        Numeric.toHexStringWithPrefixZeroPadded(credentials.getEcKeyPair().getPrivateKey(), 64)
            + "\n");
  }
}
