package io.fiscus.rpc.access;

import io.fiscus.contracts.registry.RegistryAccount;
import io.fiscus.contracts.registry.RegistryStore;
import io.fiscus.contracts.registry.Roles;
import io.fiscus.rpc.auth.Caller;
import io.fiscus.state.StateView;
import io.fiscus.types.Address;
import java.util.Optional;

/**
 * An authenticated caller as the visibility rules see it.
 *
 * @param address the account that signed the token
 * @param roles its role bits in the Registry at the head ({@link Roles}); 0 for a plain account
 * @param reason why it is looking, from the token's {@code reason} claim or the {@code
 *     X-Fiscus-Reason} header
 */
public record Viewer(Address address, int roles, Optional<String> reason) {
  /** The caller with its roles as the Registry holds them in {@code state}. */
  public static Viewer of(Caller caller, StateView state) {
    int roles =
        RegistryStore.account(state, caller.address()).map(RegistryAccount::roles).orElse(0);
    return new Viewer(caller.address(), roles, caller.reason());
  }

  public boolean holds(int role) {
    return Roles.holds(roles, role);
  }
}
