package io.fiscus.index;

/** What moved money in an account-history entry; {@link #wireName} is the RPC's {@code kind}. */
public enum HistoryKind {
  TRANSFER("transfer"),
  ISSUE("issue"),
  REDEEM("redeem"),
  INVOICE_PAYMENT("invoicePayment");

  private final String wireName;

  HistoryKind(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
