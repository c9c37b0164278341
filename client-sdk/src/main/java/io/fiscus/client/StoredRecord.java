package io.fiscus.client;

import org.web3j.utils.Numeric;

/**
 * One version of a ledger record as the LedgerRecords contract returns it.
 *
 * @param version the version, from 1
 * @param payloadHex the payload, {@code 0x} hex; see {@link #payload()}
 * @param blockNumber the block that recorded it
 */
public record StoredRecord(long version, String payloadHex, long blockNumber) {
  /**
   * The payload.
   *
   * @return a fresh copy of its bytes
   */
  public byte[] payload() {
    return Numeric.hexStringToByteArray(payloadHex);
  }
}
