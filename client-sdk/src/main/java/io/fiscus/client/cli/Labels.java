package io.fiscus.client.cli;

import io.fiscus.client.LedgerClient;
import io.fiscus.client.TokenClient;
import java.util.Locale;
import java.util.regex.Pattern;
import org.web3j.utils.Numeric;

/**
 * The ledger's 32-byte labels (a payment reference, a record's kind and key) from what people type:
 * {@code 0x} and 64 hex digits are taken as they are; any other text is hashed (keccak-256 of its
 * UTF-8) exactly as the SDK's {@link TokenClient#reference} and {@link LedgerClient#name} do, so
 * the CLI and SDK applications find each other's references and records.
 */
final class Labels {
  private static final Pattern HEX32 = Pattern.compile("0x[0-9a-fA-F]{64}");

  private Labels() {}

  /** A record's kind or key, as {@code 0x} hex. */
  static String recordName(String text) {
    return HEX32.matcher(text).matches()
        ? text.toLowerCase(Locale.ROOT)
        : LedgerClient.name(nonEmpty(text));
  }

  /** A payment reference's 32 bytes. */
  static byte[] paymentReference(String text) {
    return HEX32.matcher(text).matches()
        ? Numeric.hexStringToByteArray(text)
        : TokenClient.reference(nonEmpty(text));
  }

  private static String nonEmpty(String text) {
    if (text.isEmpty()) {
      throw new UsageException("a reference, kind or key must not be empty");
    }
    return text;
  }
}
