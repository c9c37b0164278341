package io.fiscus.contracts.registry;

/** The role bits of the Registry; an account holds a set of them in a uint8. */
public final class Roles {
  public static final int CENTRAL_BANK = 1;
  public static final int BANK = 2;
  public static final int TAX_AUTHORITY = 4;
  public static final int AUDITOR = 8;

  /** Every defined bit. */
  public static final int ALL = CENTRAL_BANK | BANK | TAX_AUTHORITY | AUDITOR;

  private Roles() {}

  /** True if {@code role} is exactly one defined role. */
  public static boolean isSingleRole(long role) {
    return role == CENTRAL_BANK || role == BANK || role == TAX_AUTHORITY || role == AUDITOR;
  }

  public static boolean holds(int roles, int role) {
    return (roles & role) != 0;
  }
}
