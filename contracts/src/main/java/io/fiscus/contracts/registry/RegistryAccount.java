package io.fiscus.contracts.registry;

import io.fiscus.types.Address;

/**
 * A registered account: its role bits, the bank that registered it (0x0 for a genesis account
 * without one), its wallet tier (1..3), whether it is frozen, and its taxpayer id ("" if none).
 */
public record RegistryAccount(int roles, Address bank, int tier, boolean frozen, String taxId) {
  public RegistryAccount {
    if ((roles & ~Roles.ALL) != 0) {
      throw new IllegalArgumentException("undefined role bits: " + roles);
    }
    if (tier < 1 || tier > 3) {
      throw new IllegalArgumentException("tier must be 1..3: " + tier);
    }
  }

  public boolean holds(int role) {
    return Roles.holds(roles, role);
  }

  /** Holders of any role are exempt from their tier's limits. */
  public boolean exemptFromTierLimits() {
    return roles != 0;
  }

  public boolean isTaxpayer() {
    return !taxId.isEmpty();
  }

  public RegistryAccount withRoles(int newRoles) {
    return new RegistryAccount(newRoles, bank, tier, frozen, taxId);
  }

  public RegistryAccount withTier(int newTier) {
    return new RegistryAccount(roles, bank, newTier, frozen, taxId);
  }

  public RegistryAccount withFrozen(boolean newFrozen) {
    return new RegistryAccount(roles, bank, tier, newFrozen, taxId);
  }

  public RegistryAccount withTaxId(String newTaxId) {
    return new RegistryAccount(roles, bank, tier, frozen, newTaxId);
  }
}
