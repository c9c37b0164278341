package io.fiscus.client.examples;

import io.fiscus.client.Amount;
import io.fiscus.client.FiscusClient;
import io.fiscus.client.TokenClient;
import io.fiscus.client.TransactionRevertedException;
import io.fiscus.client.events.LedgerEvent;
import io.fiscus.client.tx.TransactionResult;

/** README: pay a merchant with an order reference. */
public final class PayExample {
  private PayExample() {}

  /** Pays 12.50 to {@code merchant}; returns the transaction hash. */
  public static String pay(FiscusClient client, String merchant) {
    // tag::pay[]
    TokenClient token = client.token();
    try {
      TransactionResult paid =
          token
              .transferWithReference(
                  merchant, Amount.parse("12.50"), TokenClient.reference("order-77"))
              .send(); // blocks until the payment is final; sendAsync() returns a future
      LedgerEvent.Transfer transfer = paid.event(LedgerEvent.Transfer.class).orElseThrow();
      System.out.println("paid " + transfer.amount() + " in block " + paid.blockNumber());
      return paid.transactionHash();
    } catch (TransactionRevertedException e) {
      System.out.println("refused by the ledger: " + e.reason()); // e.g. "insufficient balance"
      throw e;
    }
    // end::pay[]
  }
}
