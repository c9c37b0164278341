package io.fiscus.genesis;

import io.fiscus.crypto.PrivateKey;
import io.fiscus.types.Address;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One account of an accounts file ({@code accounts.json}), the generator's input with {@code
 * --accounts} and its output for the demo accounts.
 *
 * @param name a unique label, e.g. {@code bank-a}
 * @param address the account's address
 * @param privateKey its key, if the file holds it (the demo accounts always do)
 * @param roles the Registry roles it holds
 * @param tier its wallet tier, 1..3
 * @param taxId its tax id if it is a taxpayer
 * @param bank the name (or 0x address) of the account that registered it
 * @param balance minor units minted to it at block 0 (0: none)
 */
public record AccountsFileEntry(
    String name,
    Address address,
    Optional<PrivateKey> privateKey,
    List<Role> roles,
    int tier,
    Optional<String> taxId,
    Optional<String> bank,
    long balance) {
  public AccountsFileEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(taxId, "taxId");
    Objects.requireNonNull(bank, "bank");
    roles = List.copyOf(roles);
  }
}
