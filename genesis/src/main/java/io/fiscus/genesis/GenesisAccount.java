package io.fiscus.genesis;

import io.fiscus.types.Address;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An account registered at block 0 ({@code config.fiscus.accounts[i]}).
 *
 * @param name an optional label for operators; not stored on chain
 * @param address the account
 * @param roles the Registry roles it holds (may be empty)
 * @param tier its wallet tier, 1..3
 * @param bank the account that registered it, if any
 * @param taxId its tax id if it is a taxpayer
 * @param balance minor units minted to it at block 0 (0: none)
 */
public record GenesisAccount(
    Optional<String> name,
    Address address,
    List<Role> roles,
    int tier,
    Optional<Address> bank,
    Optional<String> taxId,
    long balance) {
  public GenesisAccount {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(bank, "bank");
    Objects.requireNonNull(taxId, "taxId");
    roles = List.copyOf(roles);
    if (tier < 1 || tier > 3) {
      throw new IllegalArgumentException("tier must be 1..3, got " + tier);
    }
    if (balance < 0) {
      throw new IllegalArgumentException("balance must not be negative");
    }
  }

  /** True if the account holds any role (role holders are exempt from tier limits). */
  public boolean holdsAnyRole() {
    return !roles.isEmpty();
  }
}
