package io.fiscus.client;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * An invoice's (or credit note's) id: {@code keccak256(sellerTaxId ‖ "/" ‖ number)}, 32 bytes,
 * shown as lower-case {@code 0x} hex.
 *
 * @param hex the id as {@code 0x} and 64 hex digits
 */
public record InvoiceId(String hex) {
  private static final Pattern HEX32 = Pattern.compile("0x[0-9a-f]{64}");

  /**
   * Normalizes to lower case and checks the length.
   *
   * @throws IllegalArgumentException if {@code hex} is not 32 bytes of {@code 0x} hex
   */
  public InvoiceId {
    hex = hex.toLowerCase(Locale.ROOT);
    if (!HEX32.matcher(hex).matches()) {
      throw new IllegalArgumentException("an invoice id is 0x and 64 hex digits: " + hex);
    }
  }

  /**
   * Parses an id.
   *
   * @param hex {@code 0x} and 64 hex digits
   * @return the id
   */
  public static InvoiceId of(String hex) {
    return new InvoiceId(hex);
  }

  /**
   * The id the TaxInvoices contract gives the seller's document {@code number}.
   *
   * @param sellerTaxId the seller's tax id
   * @param number the invoice number
   * @return {@code keccak256(sellerTaxId ‖ "/" ‖ number)}
   */
  public static InvoiceId of(TaxId sellerTaxId, String number) {
    byte[] preimage = (sellerTaxId.value() + "/" + number).getBytes(StandardCharsets.UTF_8);
    return fromBytes(Hash.sha3(preimage));
  }

  /**
   * An id from its 32 bytes.
   *
   * @param bytes32 the id's bytes
   * @return the id
   */
  public static InvoiceId fromBytes(byte[] bytes32) {
    return new InvoiceId(Numeric.toHexString(bytes32));
  }

  /**
   * The id's 32 bytes, for a contract call.
   *
   * @return a fresh copy of the bytes
   */
  public byte[] toBytes() {
    return Numeric.hexStringToByteArray(hex);
  }

  @Override
  public String toString() {
    return hex;
  }
}
