package io.fiscus.genesis;

import com.fasterxml.jackson.databind.JsonNode;
import io.fiscus.contracts.registry.RegistryStore;
import io.fiscus.contracts.registry.TierLimits;
import io.fiscus.genesis.GenesisException.Reason;
import io.fiscus.types.Address;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads {@code config.fiscus} and checks it against the rules the system contracts' genesis
 * enforces, so that every mistake is reported with its field path rather than as a failure while
 * building block 0.
 */
final class FiscusSectionParser {
  static final int MAX_CURRENCY_NAME_LENGTH = 64;
  static final int MAX_CURRENCY_SYMBOL_LENGTH = 16;

  private FiscusSectionParser() {}

  static FiscusConfig parse(JsonObjectReader fiscus, List<Address> extraDataValidators) {
    FiscusConfig.Currency currency = currency(fiscus);
    SortedMap<Integer, TierLimits> tierLimits =
        fiscus
            .optional("tierLimits")
            .map(v -> tierLimits(v, fiscus.pathOf("tierLimits")))
            .orElse(new TreeMap<>());
    JsonNode accountsNode = fiscus.required("accounts");
    String accountsPath = fiscus.pathOf("accounts");
    if (!accountsNode.isArray() || accountsNode.isEmpty()) {
      throw new GenesisException(
          Reason.MALFORMED, accountsPath, "must be a non-empty array of accounts");
    }
    List<GenesisAccount> accounts = new ArrayList<>();
    for (int i = 0; i < accountsNode.size(); i++) {
      accounts.add(account(accountsNode.get(i), JsonValues.index(accountsPath, i)));
    }
    AccountRules.check(accounts, tierLimits, accountsPath);
    fiscus
        .optional("validators")
        .ifPresent(v -> checkValidators(v, fiscus.pathOf("validators"), extraDataValidators));
    fiscus.rejectUnread(key -> false);
    return new FiscusConfig(currency, tierLimits, accounts);
  }

  private static FiscusConfig.Currency currency(JsonObjectReader fiscus) {
    JsonObjectReader currency =
        JsonObjectReader.of(fiscus.required("currency"), fiscus.pathOf("currency"));
    String name = text(currency, "name", MAX_CURRENCY_NAME_LENGTH);
    String symbol = text(currency, "symbol", MAX_CURRENCY_SYMBOL_LENGTH);
    currency.rejectUnread(key -> false);
    return new FiscusConfig.Currency(name, symbol);
  }

  private static String text(JsonObjectReader object, String name, int maxLength) {
    String path = object.pathOf(name);
    String value = JsonValues.string(object.required(name), path);
    if (value.isBlank() || value.length() > maxLength) {
      throw new GenesisException(
          Reason.INVALID, path, "must be 1.." + maxLength + " characters, not blank");
    }
    return value;
  }

  private static SortedMap<Integer, TierLimits> tierLimits(JsonNode node, String path) {
    JsonObjectReader tiers = JsonObjectReader.of(node, path);
    SortedMap<Integer, TierLimits> limits = new TreeMap<>();
    for (int tier = 1; tier <= 3; tier++) {
      String tierName = Integer.toString(tier);
      Optional<JsonNode> entry = tiers.optional(tierName);
      if (entry.isPresent()) {
        JsonObjectReader fields = JsonObjectReader.of(entry.get(), tiers.pathOf(tierName));
        long maxBalance = amount(fields, "maxBalance");
        long maxTransfer = amount(fields, "maxTransfer");
        long dailyOutLimit = amount(fields, "dailyOutLimit");
        fields.rejectUnread(key -> false);
        limits.put(tier, new TierLimits(maxBalance, maxTransfer, dailyOutLimit));
      }
    }
    tiers.rejectUnread(key -> false);
    return limits;
  }

  private static long amount(JsonObjectReader fields, String name) {
    return JsonValues.minorUnits(fields.required(name), fields.pathOf(name));
  }

  private static GenesisAccount account(JsonNode node, String path) {
    JsonObjectReader fields = JsonObjectReader.of(node, path);
    Optional<String> name =
        fields.optional("name").map(v -> JsonValues.string(v, fields.pathOf("name")));
    Address address = JsonValues.address(fields.required("address"), fields.pathOf("address"));
    if (address.equals(Address.ZERO)) {
      throw new GenesisException(
          Reason.INVALID, fields.pathOf("address"), "0x0 can never be an account");
    }
    List<Role> roles = roles(fields.required("roles"), fields.pathOf("roles"));
    int tier = (int) JsonValues.quantityIn(fields.required("tier"), fields.pathOf("tier"), 1, 3);
    Optional<Address> bank =
        fields.optional("bank").map(v -> JsonValues.address(v, fields.pathOf("bank")));
    Optional<String> taxId = fields.optional("taxId").map(v -> taxId(v, fields.pathOf("taxId")));
    long balance =
        fields
            .optional("balance")
            .map(v -> JsonValues.minorUnits(v, fields.pathOf("balance")))
            .orElse(0L);
    if (fields.has("balance") && balance == 0) {
      throw new GenesisException(
          Reason.INVALID, fields.pathOf("balance"), "must be positive; omit it for no balance");
    }
    fields.rejectUnread(key -> false);
    return new GenesisAccount(name, address, roles, tier, bank, taxId, balance);
  }

  private static List<Role> roles(JsonNode node, String path) {
    if (!node.isArray()) {
      throw new GenesisException(
          Reason.MALFORMED, path, "must be an array of role names, e.g. [\"BANK\"] (or [])");
    }
    List<Role> roles = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      String rolePath = JsonValues.index(path, i);
      String name = JsonValues.string(node.get(i), rolePath);
      Role role =
          Role.named(name)
              .orElseThrow(
                  () ->
                      new GenesisException(
                          Reason.INVALID,
                          rolePath,
                          "unknown role "
                              + JsonValues.quoted(name)
                              + " (one of CENTRAL_BANK, BANK, TAX_AUTHORITY, AUDITOR)"));
      if (roles.contains(role)) {
        throw new GenesisException(Reason.DUPLICATE, rolePath, "role " + name + " given twice");
      }
      roles.add(role);
    }
    return roles;
  }

  private static String taxId(JsonNode node, String path) {
    String taxId = JsonValues.string(node, path);
    if (!RegistryStore.isValidTaxId(taxId)) {
      throw new GenesisException(
          Reason.INVALID,
          path,
          "bad tax id "
              + JsonValues.quoted(taxId)
              + ": 1..32 printable ASCII characters, no spaces or '/'");
    }
    return taxId;
  }

  private static void checkValidators(JsonNode node, String path, List<Address> fromExtraData) {
    if (!node.isArray()) {
      throw new GenesisException(Reason.MALFORMED, path, "must be an array of addresses");
    }
    TreeSet<Address> listed = new TreeSet<>();
    for (int i = 0; i < node.size(); i++) {
      String itemPath = JsonValues.index(path, i);
      if (!listed.add(JsonValues.address(node.get(i), itemPath))) {
        throw new GenesisException(Reason.DUPLICATE, itemPath, "validator listed twice");
      }
    }
    TreeSet<Address> expected = new TreeSet<>(fromExtraData);
    if (!listed.equals(expected)) {
      TreeSet<Address> missing = new TreeSet<>(expected);
      missing.removeAll(listed);
      TreeSet<Address> extra = new TreeSet<>(listed);
      extra.removeAll(expected);
      throw new GenesisException(
          Reason.MISMATCH,
          path,
          "does not match the validators in extraData (missing "
              + missing
              + ", not in extraData "
              + extra
              + ")");
    }
  }

  /** Rules across accounts: uniqueness, banks, the central bank, balances within limits. */
  static final class AccountRules {
    private AccountRules() {}

    static void check(
        List<GenesisAccount> accounts, SortedMap<Integer, TierLimits> tierLimits, String path) {
      Map<Address, Integer> indexByAddress = new HashMap<>();
      Map<String, Integer> indexByTaxId = new HashMap<>();
      Map<String, Integer> indexByName = new HashMap<>();
      for (int i = 0; i < accounts.size(); i++) {
        GenesisAccount account = accounts.get(i);
        String at = JsonValues.index(path, i);
        Integer earlier = indexByAddress.putIfAbsent(account.address(), i);
        if (earlier != null) {
          throw duplicate(at + ".address", "account " + account.address(), path, earlier);
        }
        if (account.taxId().isPresent()) {
          earlier = indexByTaxId.putIfAbsent(account.taxId().get(), i);
          if (earlier != null) {
            throw duplicate(at + ".taxId", "tax id " + account.taxId().get(), path, earlier);
          }
        }
        if (account.name().isPresent()) {
          earlier = indexByName.putIfAbsent(account.name().get(), i);
          if (earlier != null) {
            throw duplicate(at + ".name", "name " + account.name().get(), path, earlier);
          }
        }
      }
      long total = 0;
      boolean centralBank = false;
      for (int i = 0; i < accounts.size(); i++) {
        GenesisAccount account = accounts.get(i);
        String at = JsonValues.index(path, i);
        checkBank(account, accounts, indexByAddress, at);
        checkBalanceWithinTier(account, tierLimits, at);
        if (total > Long.MAX_VALUE - account.balance()) {
          throw new GenesisException(
              Reason.INVALID, at + ".balance", "the balances add up to more than 2^63-1");
        }
        total += account.balance();
        centralBank |= account.roles().contains(Role.CENTRAL_BANK);
      }
      if (!centralBank) {
        throw new GenesisException(
            Reason.MISSING, path, "no account holds CENTRAL_BANK; the chain needs at least one");
      }
    }

    private static GenesisException duplicate(
        String at, String what, String path, int earlierIndex) {
      return new GenesisException(
          Reason.DUPLICATE,
          at,
          "duplicate " + what + " (also " + JsonValues.index(path, earlierIndex) + ")");
    }

    private static void checkBank(
        GenesisAccount account,
        List<GenesisAccount> accounts,
        Map<Address, Integer> indexByAddress,
        String at) {
      if (account.bank().isEmpty()) {
        return;
      }
      Address bank = account.bank().get();
      if (bank.equals(account.address())) {
        throw new GenesisException(Reason.INVALID, at + ".bank", "an account is not its own bank");
      }
      Integer bankIndex = indexByAddress.get(bank);
      if (bankIndex == null) {
        throw new GenesisException(
            Reason.MISMATCH, at + ".bank", bank + " is not an account of this genesis");
      }
      List<Role> bankRoles = accounts.get(bankIndex).roles();
      if (!bankRoles.contains(Role.BANK) && !bankRoles.contains(Role.CENTRAL_BANK)) {
        throw new GenesisException(
            Reason.MISMATCH, at + ".bank", bank + " holds neither BANK nor CENTRAL_BANK");
      }
    }

    private static void checkBalanceWithinTier(
        GenesisAccount account, SortedMap<Integer, TierLimits> tierLimits, String at) {
      if (account.holdsAnyRole() || account.balance() == 0) {
        return;
      }
      TierLimits limits =
          tierLimits.getOrDefault(account.tier(), RegistryStore.defaultTierLimits(account.tier()));
      if (limits.maxBalance() != 0 && account.balance() > limits.maxBalance()) {
        throw new GenesisException(
            Reason.INVALID,
            at + ".balance",
            account.balance()
                + " is above tier "
                + account.tier()
                + "'s maxBalance "
                + limits.maxBalance());
      }
    }
  }
}
