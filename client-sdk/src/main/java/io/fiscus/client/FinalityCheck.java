package io.fiscus.client;

/**
 * A check, made by the client, that a transaction the node reports as included is really final: for
 * example {@code io.fiscus.client.finality.FinalityVerifier}, which verifies the node's finality
 * proof against the validator set the client trusts. {@link io.fiscus.client.tx.Tracker} runs it
 * before it calls a transaction final.
 */
@FunctionalInterface
public interface FinalityCheck {
  /**
   * Checks that the transaction is final, or throws.
   *
   * @param transactionHash the transaction's hash
   * @throws FiscusException if the transaction cannot be shown final
   */
  void check(String transactionHash);
}
