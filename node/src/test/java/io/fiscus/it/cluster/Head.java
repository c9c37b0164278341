package io.fiscus.it.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import org.web3j.utils.Numeric;

/**
 * What a node says about one of its blocks: enough to tell whether two nodes hold the same chain
 * (hash) and the same ledger (state root), and who proposed it (miner, the QBFT coinbase).
 */
public record Head(long number, String hash, String stateRoot, String miner, int transactions) {

  static Head of(JsonNode block) {
    return new Head(
        Numeric.decodeQuantity(block.get("number").asText()).longValueExact(),
        block.get("hash").asText(),
        block.get("stateRoot").asText(),
        block.path("miner").asText("").toLowerCase(Locale.ROOT),
        block.path("transactions").size());
  }

  /** Same block: same number, hash and state root. */
  public boolean sameBlockAs(Head other) {
    return number == other.number && hash.equals(other.hash) && stateRoot.equals(other.stateRoot);
  }
}
