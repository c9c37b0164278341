package io.fiscus.contracts;

import io.fiscus.contracts.registry.RegistryAccount;
import io.fiscus.contracts.registry.RegistryStore;
import io.fiscus.contracts.registry.Roles;
import io.fiscus.contracts.token.TokenStore;
import io.fiscus.state.StateChanges;
import io.fiscus.types.Address;
import java.util.Map;

/** Writes a {@link GenesisAllocation} into the system contracts' storage at block 0. */
final class Genesis {
  private Genesis() {}

  static void initialize(StateChanges state, GenesisAllocation allocation) {
    TokenStore.putNameAndSymbol(state, allocation.currencyName(), allocation.currencySymbol());
    for (Map.Entry<Integer, io.fiscus.contracts.registry.TierLimits> limits :
        allocation.tierLimits().entrySet()) {
      int tier = limits.getKey();
      check(tier >= 1 && tier <= 3, "tier limits for an unknown tier: " + tier);
      RegistryStore.putTierLimits(state, tier, limits.getValue());
    }
    long centralBanks = 0;
    for (GenesisAllocation.Account account : allocation.accounts()) {
      Address address = account.address();
      check(!address.equals(Address.ZERO), "the zero address cannot be an account");
      check(RegistryStore.account(state, address).isEmpty(), "duplicate account " + address);
      check(account.tier() >= 1 && account.tier() <= 3, "tier must be 1..3 for " + address);
      check((account.roles() & ~Roles.ALL) == 0, "undefined role bits for " + address);
      RegistryStore.putAccount(
          state,
          address,
          new RegistryAccount(account.roles(), account.bank(), account.tier(), false, ""));
      if (Roles.holds(account.roles(), Roles.CENTRAL_BANK)) {
        centralBanks++;
      }
    }
    check(centralBanks > 0, "the genesis needs at least one CENTRAL_BANK holder");
    RegistryStore.putCentralBankCount(state, centralBanks);
    for (GenesisAllocation.Taxpayer taxpayer : allocation.taxpayers()) {
      RegistryAccount account =
          RegistryStore.account(state, taxpayer.account())
              .orElseThrow(() -> invalid("taxpayer not an account: " + taxpayer.account()));
      check(RegistryStore.isValidTaxId(taxpayer.taxId()), "invalid tax id " + taxpayer.taxId());
      check(!account.isTaxpayer(), "account has two tax ids: " + taxpayer.account());
      check(
          RegistryStore.accountByTaxId(state, taxpayer.taxId()).isEmpty(),
          "duplicate tax id " + taxpayer.taxId());
      RegistryStore.putAccount(state, taxpayer.account(), account.withTaxId(taxpayer.taxId()));
      RegistryStore.putTaxIdOwner(state, taxpayer.taxId(), taxpayer.account());
    }
    long issued = 0;
    for (GenesisAllocation.Balance balance : allocation.balances()) {
      check(
          RegistryStore.account(state, balance.account()).isPresent(),
          "balance for an unknown account: " + balance.account());
      check(balance.amount() > 0, "balances must be positive: " + balance.account());
      check(issued <= Long.MAX_VALUE - balance.amount(), "total issued above 2^63-1");
      issued += balance.amount();
      TokenStore.putBalance(
          state,
          balance.account(),
          TokenStore.balance(state, balance.account()) + balance.amount());
    }
    TokenStore.putIssued(state, issued);
  }

  private static void check(boolean condition, String problem) {
    if (!condition) {
      throw invalid(problem);
    }
  }

  private static IllegalArgumentException invalid(String problem) {
    return new IllegalArgumentException("invalid genesis allocation: " + problem);
  }
}
