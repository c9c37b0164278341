package io.fiscus.client;

import java.util.EnumSet;
import java.util.Set;

/** A Registry role: a bit in an account's role set. */
public enum Role {
  /** Issues the currency, freezes accounts, sets tier limits, grants roles. */
  CENTRAL_BANK(1),
  /** A commercial bank: registers its customers, receives issuance, redeems. */
  BANK(2),
  /** Registers taxpayers; reads invoices and tax summaries. */
  TAX_AUTHORITY(4),
  /** Reads the ledger for supervision. */
  AUDITOR(8);

  private final int bit;

  Role(int bit) {
    this.bit = bit;
  }

  /**
   * The role's bit in the Registry's {@code uint8} role set.
   *
   * @return 1, 2, 4 or 8
   */
  public int bit() {
    return bit;
  }

  /**
   * The roles in a Registry role set.
   *
   * @param bits the {@code uint8} role set
   * @return the roles whose bits are set
   */
  public static Set<Role> fromBits(int bits) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (Role role : values()) {
      if ((bits & role.bit) != 0) {
        roles.add(role);
      }
    }
    return roles;
  }
}
