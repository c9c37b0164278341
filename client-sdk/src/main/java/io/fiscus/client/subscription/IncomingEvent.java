package io.fiscus.client.subscription;

import io.fiscus.client.events.LedgerEvent;

/**
 * An event for the subscribed account: a {@link LedgerEvent.Transfer} of money to it (payments,
 * invoice payments, issuance to a bank) or a {@link LedgerEvent.InvoiceIssued} with it as buyer.
 *
 * @param event the decoded event
 * @param transactionHash the transaction that emitted it
 * @param blockNumber the block that holds it; committed blocks are final
 * @param logIndex the log's index in the block
 */
public record IncomingEvent(
    LedgerEvent event, String transactionHash, long blockNumber, long logIndex) {}
