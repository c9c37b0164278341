package io.fiscus.client.rpc;

import io.fiscus.client.UnexpectedResponseException;

/** Where an invoice is in its lifecycle: issued, then paid or cancelled. */
public enum InvoiceStatus {
  /** Issued and open. */
  ISSUED("issued", 1),
  /** Paid by the buyer (invoices only). */
  PAID("paid", 2),
  /** Cancelled by the seller. */
  CANCELLED("cancelled", 3);

  private final String wireName;
  private final int code;

  InvoiceStatus(String wireName, int code) {
    this.wireName = wireName;
    this.code = code;
  }

  /**
   * The name the RPC uses, also accepted as a {@code cbdc_getInvoices} filter.
   *
   * @return {@code issued}, {@code paid} or {@code cancelled}
   */
  public String wireName() {
    return wireName;
  }

  /**
   * The contract's number.
   *
   * @return 1, 2 or 3
   */
  public int code() {
    return code;
  }

  static InvoiceStatus fromWireName(String name) {
    for (InvoiceStatus status : values()) {
      if (status.wireName.equals(name)) {
        return status;
      }
    }
    throw new UnexpectedResponseException("unknown invoice status \"" + name + "\"");
  }
}
