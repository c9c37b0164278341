package io.fiscus.genesis;

import io.fiscus.contracts.registry.Roles;
import java.util.Collection;
import java.util.Optional;

/** The Registry roles by the names a genesis or accounts file uses for them. */
public enum Role {
  CENTRAL_BANK(Roles.CENTRAL_BANK),
  BANK(Roles.BANK),
  TAX_AUTHORITY(Roles.TAX_AUTHORITY),
  AUDITOR(Roles.AUDITOR);

  private final int bit;

  Role(int bit) {
    this.bit = bit;
  }

  /** The role's bit in the Registry's uint8 role set. */
  public int bit() {
    return bit;
  }

  /** The role named exactly {@code name} (upper case, as written in files). */
  public static Optional<Role> named(String name) {
    for (Role role : values()) {
      if (role.name().equals(name)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }

  /** The Registry bit set of {@code roles}. */
  public static int bits(Collection<Role> roles) {
    int bits = 0;
    for (Role role : roles) {
      bits |= role.bit;
    }
    return bits;
  }
}
