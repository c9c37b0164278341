package io.fiscus.genesis;

import io.fiscus.block.QbftExtraData;
import io.fiscus.block.QbftExtraDataCodec;
import io.fiscus.contracts.registry.TierLimits;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.genesis.GenesisException.Reason;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Makes a ready-to-run network directory: {@code genesis.json}, {@code accounts.json} (mode 600, it
 * holds private keys) and per validator {@code validatorK/key} (mode 600) and {@code
 * validatorK/node.toml}. Validators are numbered in ascending address order, the order of the
 * extraData list; each validator's address is also registered as an account, so that its node can
 * write the audit trail (the genesis lists these after the accounts of {@code accounts.json}). Used
 * by {@code fiscus genesis generate}, tests and scripts.
 */
public final class GenesisGenerator {
  /** 1e9 gas: 27,777 transfers (36,000 gas each) fit in one block. */
  public static final long GAS_LIMIT = 1_000_000_000L;

  public static final FiscusConfig.Currency CURRENCY =
      new FiscusConfig.Currency("Digital Currency Unit", "DCU");

  /** The contracts' default limits, written out so that operators see and can edit them. */
  public static final SortedMap<Integer, TierLimits> TIER_LIMITS =
      new TreeMap<>(
          Map.of(
              1, new TierLimits(100_000, 20_000, 50_000),
              2, new TierLimits(1_000_000, 200_000, 500_000),
              3, TierLimits.UNLIMITED));

  private static final String HOST = "127.0.0.1";

  /** Node accounts hold no money; tier 3 keeps tier limits out of their way. */
  private static final int NODE_ACCOUNT_TIER = 3;

  private final SecureRandom random;
  private final Clock clock;

  /** {@code random} makes every key; {@code clock} sets the genesis timestamp. */
  public GenesisGenerator(SecureRandom random, Clock clock) {
    this.random = random;
    this.clock = clock;
  }

  /** Writes the network described by {@code options}; fails if the directory is not empty. */
  public GeneratedNetwork generate(GeneratorOptions options) {
    Path out = options.out();
    requireEmptyOrAbsent(out);
    List<AccountsFileEntry> accounts =
        options
            .accountsFile()
            .map(AccountsFile::read)
            .orElseGet(() -> DemoAccounts.generate(random));
    String accountsSource =
        options.accountsFile().map(f -> f.getFileName().toString()).orElse("accounts");
    List<GenesisAccount> genesisAccounts = genesisAccounts(accounts, accountsSource);
    FiscusSectionParser.AccountRules.check(genesisAccounts, TIER_LIMITS, accountsSource);

    List<PrivateKey> keys = new ArrayList<>();
    for (int i = 0; i < options.validators(); i++) {
      keys.add(PrivateKey.random(random));
    }
    keys.sort(Comparator.comparing(Secp256k1::address));
    List<Address> addresses = keys.stream().map(Secp256k1::address).toList();
    List<GenesisAccount> registered = new ArrayList<>(genesisAccounts);
    registered.addAll(nodeAccounts(addresses, genesisAccounts));
    GenesisConfig genesis =
        new GenesisConfig(
            options.chainId(),
            QbftOptions.withBlockPeriod(options.blockPeriodMillis()),
            GAS_LIMIT,
            clock.instant().getEpochSecond(),
            Address.ZERO,
            QbftExtraDataCodec.encode(QbftExtraData.genesis(addresses)),
            addresses,
            new FiscusConfig(CURRENCY, TIER_LIMITS, registered));
    String genesisJson = GenesisWriter.toJson(genesis);
    // Whatever is written must be a genesis the node accepts: parse it back as the node will.
    GenesisConfig reparsed = GenesisParser.parse(genesisJson);
    GenesisBlock block = GenesisBlock.of(reparsed);

    List<GeneratedNetwork.Validator> validators = validators(options, keys);
    try {
      Files.createDirectories(out);
      Files.writeString(out.resolve("genesis.json"), genesisJson, StandardOpenOption.CREATE_NEW);
      writeOwnerOnly(out.resolve("accounts.json"), AccountsFile.toJson(accounts));
      for (GeneratedNetwork.Validator validator : validators) {
        Files.createDirectory(validator.directory());
        NodeKeyFile.write(validator.directory().resolve("key"), keys.get(validator.number() - 1));
        List<String> bootnodes =
            validators.stream()
                .filter(v -> v.number() != validator.number())
                .map(v -> v.enode())
                .toList();
        Files.writeString(
            validator.directory().resolve("node.toml"),
            NodeToml.of(validator, validators.size(), bootnodes),
            StandardOpenOption.CREATE_NEW);
      }
    } catch (IOException | NodeKeyFileException e) {
      throw new GenesisException(Reason.FILE, out.toString(), "cannot write: " + e.getMessage(), e);
    }
    return new GeneratedNetwork(reparsed, block.hash(), validators, accounts);
  }

  private static List<GeneratedNetwork.Validator> validators(
      GeneratorOptions options, List<PrivateKey> keys) {
    List<GeneratedNetwork.Validator> validators = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      Bytes publicKey = Secp256k1.signer().publicKey(keys.get(i));
      int p2pPort = options.p2pBasePort() + i;
      validators.add(
          new GeneratedNetwork.Validator(
              i + 1,
              options.out().resolve("validator" + (i + 1)),
              Address.fromPublicKey(publicKey),
              publicKey,
              p2pPort,
              options.rpcHttpBasePort() + i,
              options.rpcWsBasePort() + i,
              options.metricsBasePort() + i,
              EnodeUrl.of(publicKey, HOST, p2pPort)));
    }
    return validators;
  }

  /**
   * Every node's own account (named {@code validatorK}, tier 3, no role, registered by the central
   * bank): a node signs the audit trail's records with its node key (ADR 21), and only registered
   * accounts may send transactions. Nodes added later are registered by the central bank.
   */
  static List<GenesisAccount> nodeAccounts(List<Address> nodes, List<GenesisAccount> accounts) {
    Optional<Address> centralBank =
        accounts.stream()
            .filter(account -> account.roles().contains(Role.CENTRAL_BANK))
            .map(GenesisAccount::address)
            .findFirst();
    List<GenesisAccount> nodeAccounts = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      nodeAccounts.add(
          new GenesisAccount(
              Optional.of("validator" + (i + 1)),
              nodes.get(i),
              List.of(),
              NODE_ACCOUNT_TIER,
              centralBank,
              Optional.empty(),
              0));
    }
    return nodeAccounts;
  }

  /** The genesis accounts of an accounts file, with bank names resolved to addresses. */
  static List<GenesisAccount> genesisAccounts(List<AccountsFileEntry> entries, String source) {
    Map<String, Address> byName = new HashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      if (byName.putIfAbsent(entries.get(i).name(), entries.get(i).address()) != null) {
        throw new GenesisException(
            Reason.DUPLICATE,
            JsonValues.index(source, i) + ".name",
            "duplicate name " + JsonValues.quoted(entries.get(i).name()));
      }
    }
    List<GenesisAccount> accounts = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      AccountsFileEntry entry = entries.get(i);
      int index = i;
      Optional<Address> bank = entry.bank().map(ref -> bank(ref, byName, source, index));
      accounts.add(
          new GenesisAccount(
              Optional.of(entry.name()),
              entry.address(),
              entry.roles(),
              entry.tier(),
              bank,
              entry.taxId(),
              entry.balance()));
    }
    return accounts;
  }

  private static Address bank(String reference, Map<String, Address> byName, String source, int i) {
    if (reference.startsWith("0x") || reference.startsWith("0X")) {
      try {
        return Address.fromHex(reference);
      } catch (IllegalArgumentException e) {
        throw new GenesisException(
            Reason.INVALID,
            JsonValues.index(source, i) + ".bank",
            "bad address " + JsonValues.quoted(reference),
            e);
      }
    }
    Address bank = byName.get(reference);
    if (bank == null) {
      throw new GenesisException(
          Reason.MISMATCH,
          JsonValues.index(source, i) + ".bank",
          "no account named " + JsonValues.quoted(reference));
    }
    return bank;
  }

  private static void requireEmptyOrAbsent(Path out) {
    if (!Files.exists(out)) {
      return;
    }
    if (!Files.isDirectory(out)) {
      throw new GenesisException(Reason.OUTPUT_NOT_EMPTY, out.toString(), "is not a directory");
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(out)) {
      if (entries.iterator().hasNext()) {
        throw new GenesisException(
            Reason.OUTPUT_NOT_EMPTY,
            out.toString(),
            "directory is not empty; refusing to overwrite a network (choose a new --out)");
      }
    } catch (IOException e) {
      throw new GenesisException(Reason.FILE, out.toString(), "cannot read: " + e, e);
    }
  }

  private static void writeOwnerOnly(Path file, String text) throws IOException {
    Files.write(
        NodeKeyFile.createOwnerOnly(file),
        text.getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.WRITE);
  }
}
