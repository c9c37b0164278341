package io.fiscus.client.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import org.web3j.utils.Numeric;

/**
 * One version of a LedgerRecords entry ({@code cbdc_getRecords}).
 *
 * @param submitter the account that wrote it (records are namespaced by submitter)
 * @param kind the record kind, 32 bytes of hex
 * @param key the record key, 32 bytes of hex
 * @param version its version, from 1
 * @param payloadHex the payload as {@code 0x} hex; see {@link #payload()}
 * @param blockNumber the block that recorded it
 * @param txHash the transaction that wrote it
 */
public record LedgerRecord(
    String submitter,
    String kind,
    String key,
    long version,
    String payloadHex,
    long blockNumber,
    String txHash) {

  /**
   * The payload.
   *
   * @return a fresh copy of the payload bytes
   */
  public byte[] payload() {
    return Numeric.hexStringToByteArray(payloadHex);
  }

  static LedgerRecord fromJson(JsonNode json) {
    return new LedgerRecord(
        Json.text(json, "submitter"),
        Json.text(json, "kind"),
        Json.text(json, "key"),
        Json.quantity(json, "version"),
        Json.text(json, "payload"),
        Json.quantity(json, "blockNumber"),
        Json.text(json, "txHash"));
  }
}
