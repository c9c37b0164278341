package io.fiscus.rpc.access;

/** What a method reveals about an account, the rows of the visibility table (ADR 0020). */
public enum DataKind {
  /** The registry record, balance and nonce. */
  ACCOUNT("the account record"),
  /** Payments and every other transaction, with their logs and receipts. */
  HISTORY("the payment history"),
  /** Invoices and credit notes where the account is seller or buyer. */
  INVOICES("the invoices"),
  /** A seller's VAT totals. */
  TAX_SUMMARY("the tax summary"),
  /** Ledger records the account wrote. */
  RECORDS("the records"),
  /** Who looked at the account. */
  ACCESS_LOG("the access log"),
  /** The money supply: about no account. */
  SUPPLY("the money supply");

  private final String description;

  DataKind(String description) {
    this.description = description;
  }

  /** How a refusal names this kind of data. */
  public String description() {
    return description;
  }
}
