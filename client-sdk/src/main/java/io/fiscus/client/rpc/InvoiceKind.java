package io.fiscus.client.rpc;

import io.fiscus.client.UnexpectedResponseException;

/** An invoice or a credit note (the contract's {@code kind}). */
public enum InvoiceKind {
  /** An invoice, payable with {@code payInvoice}. */
  INVOICE("invoice", 0),
  /** A credit note against an invoice; refunded by the seller, never paid. */
  CREDIT_NOTE("creditNote", 1);

  private final String wireName;
  private final int code;

  InvoiceKind(String wireName, int code) {
    this.wireName = wireName;
    this.code = code;
  }

  /**
   * The name the RPC uses.
   *
   * @return {@code invoice} or {@code creditNote}
   */
  public String wireName() {
    return wireName;
  }

  /**
   * The contract's number.
   *
   * @return 0 or 1
   */
  public int code() {
    return code;
  }

  static InvoiceKind fromWireName(String name) {
    for (InvoiceKind kind : values()) {
      if (kind.wireName.equals(name)) {
        return kind;
      }
    }
    throw new UnexpectedResponseException("unknown invoice kind \"" + name + "\"");
  }
}
