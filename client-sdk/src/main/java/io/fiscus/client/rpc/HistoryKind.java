package io.fiscus.client.rpc;

import io.fiscus.client.UnexpectedResponseException;

/** What moved money in an account-history item. */
public enum HistoryKind {
  /** A Token transfer ({@code transfer}, {@code transferFrom}, {@code transferWithReference}). */
  TRANSFER("transfer"),
  /** Issuance by the central bank to a bank ({@code mint}). */
  ISSUE("issue"),
  /** A bank's redemption ({@code redeem}). */
  REDEEM("redeem"),
  /** The payment of an invoice ({@code payInvoice}). */
  INVOICE_PAYMENT("invoicePayment");

  private final String wireName;

  HistoryKind(String wireName) {
    this.wireName = wireName;
  }

  /**
   * The name {@code cbdc_getAccountHistory} uses.
   *
   * @return e.g. {@code invoicePayment}
   */
  public String wireName() {
    return wireName;
  }

  static HistoryKind fromWireName(String name) {
    for (HistoryKind kind : values()) {
      if (kind.wireName.equals(name)) {
        return kind;
      }
    }
    throw new UnexpectedResponseException("unknown history kind \"" + name + "\"");
  }
}
