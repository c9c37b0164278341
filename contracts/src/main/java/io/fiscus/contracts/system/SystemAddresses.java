package io.fiscus.contracts.system;

import io.fiscus.types.Address;

/** The fixed addresses of the four system contracts (DESIGN.md §3). */
public final class SystemAddresses {
  public static final Address REGISTRY =
      Address.fromHex("0x000000000000000000000000000000000000cb00");
  public static final Address TOKEN = Address.fromHex("0x000000000000000000000000000000000000cb01");
  public static final Address TAX_INVOICES =
      Address.fromHex("0x000000000000000000000000000000000000cb02");
  public static final Address LEDGER_RECORDS =
      Address.fromHex("0x000000000000000000000000000000000000cb03");

  private SystemAddresses() {}
}
