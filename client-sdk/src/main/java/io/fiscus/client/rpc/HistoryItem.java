package io.fiscus.client.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.fiscus.client.Amount;
import java.time.Instant;
import java.util.Optional;

/**
 * One movement of money in an account's history ({@code cbdc_getAccountHistory}).
 *
 * @param txHash the transaction that moved it
 * @param blockNumber the block that holds the transaction
 * @param timestamp the block's time
 * @param kind what moved it
 * @param from the account debited ({@code 0x0…} for issuance)
 * @param to the account credited ({@code 0x0…} for redemption)
 * @param amount how much
 * @param reference the payment reference of a {@code transferWithReference}, 32 bytes of hex
 */
public record HistoryItem(
    String txHash,
    long blockNumber,
    Instant timestamp,
    HistoryKind kind,
    String from,
    String to,
    Amount amount,
    Optional<String> reference) {

  /**
   * Whether this movement credits {@code account}.
   *
   * @param account an address
   * @return true if the money went to it
   */
  public boolean isIncomingTo(String account) {
    return to.equalsIgnoreCase(account);
  }

  static HistoryItem fromJson(JsonNode json) {
    return new HistoryItem(
        Json.text(json, "txHash"),
        Json.quantity(json, "blockNumber"),
        Instant.ofEpochSecond(Json.quantity(json, "timestamp")),
        HistoryKind.fromWireName(Json.text(json, "kind")),
        Json.text(json, "from"),
        Json.text(json, "to"),
        Json.amount(json, "amount"),
        Json.optionalText(json, "reference"));
  }
}
