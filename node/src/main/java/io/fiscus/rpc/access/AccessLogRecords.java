package io.fiscus.rpc.access;

import io.fiscus.types.Address;
import io.fiscus.types.Hash;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * How the audit trail lies in LedgerRecords: kind = the ASCII {@code access-log} left-aligned in 32
 * bytes, key = the subject's address left-padded to 32 bytes, payload = UTF-8 JSON {@code
 * {"viewer","subject","method","reason","at"}}, written by the node that served the look.
 */
public final class AccessLogRecords {
  /** The record kind of a look. */
  public static final Hash KIND = kind("access-log");

  private AccessLogRecords() {}

  /** The record key of looks at {@code subject}. */
  public static Hash key(Address subject) {
    byte[] key = new byte[Hash.SIZE];
    System.arraycopy(subject.bytes().toArray(), 0, key, Hash.SIZE - Address.SIZE, Address.SIZE);
    return Hash.wrap(key);
  }

  /** The subject of a record of kind {@link #KIND}, if its key is a padded address. */
  public static Optional<Address> subject(Hash key) {
    return TransactionParties.account(key);
  }

  private static Hash kind(String ascii) {
    byte[] kind = new byte[Hash.SIZE];
    byte[] text = ascii.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(text, 0, kind, 0, text.length);
    return Hash.wrap(kind);
  }
}
