package io.fiscus.client.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.fiscus.client.Amount;

/**
 * The money supply ({@code cbdc_getSupply}): total supply = issued − redeemed.
 *
 * @param totalSupply the sum of all balances
 * @param issued everything ever issued (genesis balances included)
 * @param redeemed everything ever redeemed
 */
public record Supply(Amount totalSupply, Amount issued, Amount redeemed) {
  static Supply fromJson(JsonNode json) {
    return new Supply(
        Json.amount(json, "totalSupply"),
        Json.amount(json, "issued"),
        Json.amount(json, "redeemed"));
  }
}
