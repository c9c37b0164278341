/**
 * Submitting and following transactions: {@link io.fiscus.client.tx.TransactionSender} signs an
 * account's calls with pipelined local nonces, {@link io.fiscus.client.tx.Tracker} follows them to
 * finality and returns a {@link io.fiscus.client.tx.TransactionResult} with the decoded events.
 */
package io.fiscus.client.tx;
