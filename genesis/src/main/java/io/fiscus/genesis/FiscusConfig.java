package io.fiscus.genesis;

import io.fiscus.contracts.registry.TierLimits;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The {@code config.fiscus} section: what the system contracts hold at block 0.
 *
 * @param currency the token's name and symbol
 * @param tierLimits limits per tier 1..3 given in the file; tiers absent keep the contracts'
 *     defaults
 * @param accounts the accounts registered at block 0, in file order
 */
public record FiscusConfig(
    Currency currency, SortedMap<Integer, TierLimits> tierLimits, List<GenesisAccount> accounts) {

  /** The currency's display name and ticker symbol. */
  public record Currency(String name, String symbol) {
    public Currency {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(symbol, "symbol");
    }
  }

  public FiscusConfig {
    Objects.requireNonNull(currency, "currency");
    tierLimits = Collections.unmodifiableSortedMap(new TreeMap<>(tierLimits));
    accounts = List.copyOf(accounts);
  }
}
