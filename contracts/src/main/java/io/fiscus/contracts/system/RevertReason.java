package io.fiscus.contracts.system;

/**
 * Every reason a system contract call can revert with. {@link #text()} is the stable, public {@code
 * Error(string)} text documented in the Solidity interfaces and {@code contracts/README.md}.
 */
public enum RevertReason {
  // Dispatch
  NO_CONTRACT("no contract at address"),
  VALUE_NOT_ACCEPTED("value not accepted"),
  UNKNOWN_FUNCTION("unknown function"),
  INVALID_ARGUMENTS("invalid arguments"),

  // The caller, checked first by every state-changing function
  NOT_REGISTERED("not registered"),
  FROZEN("frozen"),

  // The caller's role
  NOT_CENTRAL_BANK("not central bank"),
  NOT_BANK("not bank"),
  NOT_ACCOUNTS_BANK("not account's bank"),
  NOT_TAX_AUTHORITY("not tax authority"),
  NOT_TAXPAYER("not taxpayer"),

  // Arguments
  ZERO_ADDRESS("zero address"),
  AMOUNT_OUT_OF_RANGE("amount out of range"),
  AMOUNT_MUST_BE_POSITIVE("amount must be positive"),
  INVALID_ROLE("invalid role"),
  INVALID_TIER("invalid tier"),
  INVALID_REASON("invalid reason"),
  INVALID_TAX_ID("invalid tax id"),
  INVALID_NUMBER("invalid number"),
  BUYER_IS_SELLER("buyer is seller"),
  INVALID_ISSUE_DATE("invalid issue date"),
  INVALID_TAX_RATE("invalid tax rate"),
  TAX_MISMATCH("tax mismatch"),
  PAYLOAD_TOO_LARGE("payload too large"),

  // Registry state
  ACCOUNT_FROZEN("account frozen"),
  ROLE_ALREADY_GRANTED("role already granted"),
  ACCOUNT_NOT_REGISTERED("account not registered"),
  ROLE_NOT_GRANTED("role not granted"),
  LAST_CENTRAL_BANK("last central bank"),
  ALREADY_REGISTERED("already registered"),
  CANNOT_FREEZE_CENTRAL_BANK("cannot freeze central bank"),
  ALREADY_FROZEN("already frozen"),
  NOT_FROZEN("not frozen"),
  ALREADY_TAXPAYER("already taxpayer"),
  TAX_ID_TAKEN("tax id taken"),

  // Token state and the transfer rules
  NOT_A_BANK("not a bank"),
  INSUFFICIENT_ALLOWANCE("insufficient allowance"),
  SENDER_NOT_REGISTERED("sender not registered"),
  SENDER_FROZEN("sender frozen"),
  RECIPIENT_NOT_REGISTERED("recipient not registered"),
  RECIPIENT_FROZEN("recipient frozen"),
  INSUFFICIENT_BALANCE("insufficient balance"),
  OVER_MAX_TRANSFER("over max transfer"),
  OVER_MAX_BALANCE("over max balance"),
  OVER_DAILY_LIMIT("over daily limit"),

  // TaxInvoices state
  BUYER_NOT_REGISTERED("buyer not registered"),
  DUPLICATE_INVOICE("duplicate invoice"),
  UNKNOWN_INVOICE("unknown invoice"),
  NOT_PAYABLE("not payable"),
  NOT_BUYER("not buyer"),
  PAYER_IS_SELLER("payer is seller"),
  ALREADY_PAID("already paid"),
  INVOICE_CANCELLED("invoice cancelled"),
  INVOICE_HAS_CREDIT_NOTES("invoice has credit notes"),
  NOT_AN_INVOICE("not an invoice"),
  NOT_SELLER("not seller"),
  CREDIT_EXCEEDS_ORIGINAL("credit exceeds original"),

  // LedgerRecords state
  NO_RECORD("no record");

  private final String text;

  RevertReason(String text) {
    this.text = text;
  }

  /** The {@code Error(string)} text. */
  public String text() {
    return text;
  }
}
