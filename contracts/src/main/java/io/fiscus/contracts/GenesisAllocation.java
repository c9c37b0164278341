package io.fiscus.contracts;

import io.fiscus.contracts.registry.TierLimits;
import io.fiscus.types.Address;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the genesis puts into the system contracts: the currency's name and symbol, tier limits
 * (tiers not listed keep the README defaults), the initial accounts, taxpayers, and balances minted
 * at block 0 (counted as issued). The genesis module builds it from {@code config.fiscus}.
 */
public record GenesisAllocation(
    String currencyName,
    String currencySymbol,
    SortedMap<Integer, TierLimits> tierLimits,
    List<Account> accounts,
    List<Taxpayer> taxpayers,
    List<Balance> balances) {

  /** An initial account; {@code bank} may be 0x0 (no bank). */
  public record Account(Address address, int roles, int tier, Address bank) {}

  /** An initial taxpayer registration. */
  public record Taxpayer(Address account, String taxId) {}

  /** An initial balance in minor units. */
  public record Balance(Address account, long amount) {}

  public GenesisAllocation {
    tierLimits = new TreeMap<>(tierLimits);
    accounts = List.copyOf(accounts);
    taxpayers = List.copyOf(taxpayers);
    balances = List.copyOf(balances);
  }

  /** Convenience for tests and tools: tier limits from any map, sorted by tier. */
  public static GenesisAllocation of(
      String currencyName,
      String currencySymbol,
      Map<Integer, TierLimits> tierLimits,
      List<Account> accounts,
      List<Taxpayer> taxpayers,
      List<Balance> balances) {
    return new GenesisAllocation(
        currencyName, currencySymbol, new TreeMap<>(tierLimits), accounts, taxpayers, balances);
  }
}
