package io.fiscus.client.events;

import io.fiscus.client.Amount;
import io.fiscus.client.InvoiceId;
import io.fiscus.client.Role;
import io.fiscus.client.TaxId;
import java.time.Instant;

/**
 * An event of one of the four system contracts, decoded from a log ({@link LedgerEvents}). Switch
 * over it exhaustively:
 *
 * <pre>{@code
 * switch (event) {
 *   case LedgerEvent.Transfer t -> ...
 *   case LedgerEvent.InvoicePaid p -> ...
 *   default -> {}
 * }
 * }</pre>
 *
 * <p>{@code contracts/README.md} says when each is emitted. Addresses are lower-case hex.
 */
public sealed interface LedgerEvent {

  /**
   * Registry: {@code RoleGranted}.
   *
   * @param account the account given the role
   * @param role the role
   * @param by the central bank account that granted it
   */
  record RoleGranted(String account, Role role, String by) implements LedgerEvent {}

  /**
   * Registry: {@code RoleRevoked}.
   *
   * @param account the account that lost the role
   * @param role the role
   * @param by the central bank account that revoked it
   */
  record RoleRevoked(String account, Role role, String by) implements LedgerEvent {}

  /**
   * Registry: {@code AccountRegistered}.
   *
   * @param account the new account
   * @param bank the bank (or central bank) that registered it
   * @param tier its wallet tier, 1..3
   */
  record AccountRegistered(String account, String bank, int tier) implements LedgerEvent {}

  /**
   * Registry: {@code TierChanged}.
   *
   * @param account the account
   * @param tier its new tier
   */
  record TierChanged(String account, int tier) implements LedgerEvent {}

  /**
   * Registry: {@code AccountFrozen}.
   *
   * @param account the frozen account
   * @param reason why, as the central bank gave it
   */
  record AccountFrozen(String account, String reason) implements LedgerEvent {}

  /**
   * Registry: {@code AccountUnfrozen}.
   *
   * @param account the account
   */
  record AccountUnfrozen(String account) implements LedgerEvent {}

  /**
   * Registry: {@code TaxpayerRegistered}.
   *
   * @param account the account
   * @param taxId its tax id
   */
  record TaxpayerRegistered(String account, TaxId taxId) implements LedgerEvent {}

  /**
   * Registry: {@code TierLimitsChanged}; a zero limit means unlimited.
   *
   * @param tier the tier
   * @param maxBalance the highest balance an account of the tier may hold
   * @param maxTransfer the largest single transfer
   * @param dailyOutLimit the most it may send per UTC day
   */
  record TierLimitsChanged(int tier, Amount maxBalance, Amount maxTransfer, Amount dailyOutLimit)
      implements LedgerEvent {}

  /**
   * Token: {@code Transfer}; from {@code 0x0} on issuance, to {@code 0x0} on redemption.
   *
   * @param from the account debited
   * @param to the account credited
   * @param amount how much
   */
  record Transfer(String from, String to, Amount amount) implements LedgerEvent {}

  /**
   * Token: {@code Approval}.
   *
   * @param owner the account whose money may be spent
   * @param spender who may spend it
   * @param amount the allowance now
   */
  record Approval(String owner, String spender, Amount amount) implements LedgerEvent {}

  /**
   * Token: {@code Issued}.
   *
   * @param bank the bank that received the new money
   * @param amount how much
   */
  record Issued(String bank, Amount amount) implements LedgerEvent {}

  /**
   * Token: {@code Redeemed}.
   *
   * @param bank the bank that redeemed
   * @param amount how much
   */
  record Redeemed(String bank, Amount amount) implements LedgerEvent {}

  /**
   * Token: {@code PaymentReference}, after the {@code Transfer} of a {@code transferWithReference}.
   *
   * @param from the payer
   * @param to the payee
   * @param amount how much
   * @param reference the 32-byte reference, hex
   */
  record PaymentReference(String from, String to, Amount amount, String reference)
      implements LedgerEvent {}

  /**
   * TaxInvoices: {@code InvoiceIssued}.
   *
   * @param id the invoice
   * @param seller the seller
   * @param buyer the buyer, {@code 0x0…} for a consumer
   * @param netAmount the net amount
   * @param taxAmount the tax amount
   * @param issueDate the document's issue date
   */
  record InvoiceIssued(
      InvoiceId id,
      String seller,
      String buyer,
      Amount netAmount,
      Amount taxAmount,
      Instant issueDate)
      implements LedgerEvent {}

  /**
   * TaxInvoices: {@code InvoicePaid}, after the Token's {@code Transfer}.
   *
   * @param id the invoice
   * @param payer who paid
   * @param amount net plus tax
   */
  record InvoicePaid(InvoiceId id, String payer, Amount amount) implements LedgerEvent {}

  /**
   * TaxInvoices: {@code InvoiceCancelled}.
   *
   * @param id the invoice or credit note
   * @param reason why, as the seller gave it
   */
  record InvoiceCancelled(InvoiceId id, String reason) implements LedgerEvent {}

  /**
   * TaxInvoices: {@code CreditNoteIssued}.
   *
   * @param id the credit note
   * @param originalId the invoice it credits
   * @param netAmount the credited net
   * @param taxAmount the credited tax
   */
  record CreditNoteIssued(InvoiceId id, InvoiceId originalId, Amount netAmount, Amount taxAmount)
      implements LedgerEvent {}

  /**
   * LedgerRecords: {@code RecordWritten}.
   *
   * @param submitter the account that wrote it
   * @param kind the kind, 32 bytes of hex
   * @param key the key, 32 bytes of hex
   * @param version the new version
   * @param payloadHash keccak-256 of the payload, hex
   */
  record RecordWritten(String submitter, String kind, String key, long version, String payloadHash)
      implements LedgerEvent {}
}
