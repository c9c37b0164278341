package io.fiscus.client.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.fiscus.client.Amount;
import io.fiscus.client.Role;
import io.fiscus.client.TaxId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * An account as {@code cbdc_getAccount} reports it from the latest state.
 *
 * @param address the account
 * @param registered whether the Registry knows it (only registered accounts transact)
 * @param bank the bank that registered it; empty if unregistered or registered by the genesis
 *     without one
 * @param tier its wallet tier 1..3; empty if unregistered
 * @param frozen whether it is frozen
 * @param taxId its tax id, if it is a registered taxpayer
 * @param roles the roles it holds
 * @param balance its Token balance
 * @param nonce its next nonce from state (pooled transactions not counted)
 */
public record CbdcAccount(
    String address,
    boolean registered,
    Optional<String> bank,
    OptionalInt tier,
    boolean frozen,
    Optional<TaxId> taxId,
    Set<Role> roles,
    Amount balance,
    long nonce) {
  /** Copies the roles. */
  public CbdcAccount {
    roles =
        Collections.unmodifiableSet(
            roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
  }

  static CbdcAccount fromJson(JsonNode json) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String name : Json.texts(json, "roles")) {
      try {
        roles.add(Role.valueOf(name));
      } catch (IllegalArgumentException newerRole) {
        // A role this SDK does not know yet: it cannot act on it, so it does not show it.
      }
    }
    return new CbdcAccount(
        Json.text(json, "address"),
        Json.bool(json, "registered"),
        Json.optionalText(json, "bank"),
        Json.optional(json, "tier").isPresent()
            ? OptionalInt.of(Json.integer(json, "tier"))
            : OptionalInt.empty(),
        Json.bool(json, "frozen"),
        Json.optionalText(json, "taxId").map(TaxId::new),
        roles,
        Json.amount(json, "balance"),
        Json.quantity(json, "nonce"));
  }
}
