package io.fiscus.client;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * An invoice to issue: what goes on the ledger about an e-invoice document that itself stays off
 * it. Only the document's hash is recorded; keep the document.
 *
 * @param number the seller's document number, 1..64 printable ASCII characters, unique per seller
 * @param buyer the buyer's address; empty for a consumer invoice
 * @param issueDate the issue date on the document
 * @param netAmount the net amount, more than zero
 * @param taxAmount the tax, within one minor unit of {@code netAmount × taxRateBp / 10000}
 * @param taxRateBp the tax rate in basis points (2000 is 20 %), at most 10000
 * @param documentHash the keccak-256 hash of the document, {@code 0x} hex
 */
public record InvoiceDraft(
    String number,
    Optional<String> buyer,
    LocalDate issueDate,
    Amount netAmount,
    Amount taxAmount,
    int taxRateBp,
    String documentHash) {
  private static final int BASIS_POINTS = 10_000;

  /**
   * A draft whose tax is computed from the rate (truncated, as the contract checks it) and whose
   * document hash is computed from the document's bytes.
   *
   * @param number the document number
   * @param buyer the buyer's address, or empty for a consumer
   * @param issueDate the issue date
   * @param netAmount the net amount
   * @param taxRateBp the tax rate in basis points
   * @param document the e-invoice document's bytes (e.g. its UBL XML)
   * @return the draft
   */
  public static InvoiceDraft of(
      String number,
      Optional<String> buyer,
      LocalDate issueDate,
      Amount netAmount,
      int taxRateBp,
      byte[] document) {
    return new InvoiceDraft(
        number,
        buyer,
        issueDate,
        netAmount,
        taxAt(netAmount, taxRateBp),
        taxRateBp,
        documentHash(document));
  }

  /**
   * The tax the contract expects for a net amount at a rate: {@code net × rate / 10000}, truncated.
   *
   * @param netAmount the net amount
   * @param taxRateBp the rate in basis points, 0..10000
   * @return the tax
   */
  public static Amount taxAt(Amount netAmount, int taxRateBp) {
    if (taxRateBp < 0 || taxRateBp > BASIS_POINTS) {
      throw new IllegalArgumentException("a tax rate is 0 to 10000 basis points: " + taxRateBp);
    }
    return Amount.of(
        netAmount
            .toBigInteger()
            .multiply(BigInteger.valueOf(taxRateBp))
            .divide(BigInteger.valueOf(BASIS_POINTS)));
  }

  /**
   * The hash the ledger records for a document.
   *
   * @param document the document's bytes
   * @return keccak-256 of the bytes, {@code 0x} hex
   */
  public static String documentHash(byte[] document) {
    return Numeric.toHexString(Hash.sha3(document));
  }

  /**
   * The issue date as the contract stores it.
   *
   * @return unix seconds of the date at 00:00 UTC
   */
  public long issueDateEpochSecond() {
    return issueDate.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
  }
}
