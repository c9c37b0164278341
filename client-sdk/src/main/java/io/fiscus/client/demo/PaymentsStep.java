package io.fiscus.client.demo;

import io.fiscus.client.Amount;
import io.fiscus.client.TierLimits;
import io.fiscus.client.TokenClient;
import io.fiscus.client.TransactionRevertedException;
import io.fiscus.client.tx.TransactionResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Step 3: the customers pay the merchant, one payment carrying a reference; a payment above
 * customer-1's tier limit is refused by the ledger with its reason, and moves no money.
 */
final class PaymentsStep implements DemoStep {
  static final Amount FROM_CUSTOMER_1 = Amount.parse("12.50");
  static final Amount FROM_CUSTOMER_2 = Amount.parse("45.90");
  static final String REFERENCE = "ORDER-1042";

  @Override
  public String title() {
    return "Payments: customers pay the merchant";
  }

  @Override
  public void run(DemoContext demo) {
    DemoParties parties = demo.parties;
    Party merchant = parties.merchant;
    TierLimits tier1 =
        parties.customer1.client().registry().tierLimits(AccountsStep.CUSTOMER_1_TIER).send();
    Amount overLimit = tier1.maxTransfer().plus(Amount.parse("150"));

    CompletableFuture<TransactionResult> small =
        parties
            .customer1
            .client()
            .token()
            .transfer(merchant.address(), FROM_CUSTOMER_1)
            .sendAsync();
    CompletableFuture<TransactionResult> withReference =
        parties
            .customer2
            .client()
            .token()
            .transferWithReference(
                merchant.address(), FROM_CUSTOMER_2, TokenClient.reference(REFERENCE))
            .sendAsync();
    CompletableFuture<TransactionResult> tooLarge =
        parties.customer1.client().token().transfer(merchant.address(), overLimit).sendAsync();

    demo.act(
        "customer-1 pays merchant " + demo.money(FROM_CUSTOMER_1), small::get, DemoContext::block);
    TransactionResult referenced =
        demo.act(
            "customer-2 pays merchant " + demo.money(FROM_CUSTOMER_2) + ", ref " + REFERENCE,
            withReference::get,
            DemoContext::block);
    demo.referencePaymentHash = referenced.transactionHash();
    demo.expectRefusal(
        "refused",
        "customer-1 pays " + demo.money(overLimit) + ", over its limit",
        () -> refusal(demo, tooLarge));
    demo.act(
        "the merchant's balance",
        () -> merchant.client().token().balance(merchant.address()).send(),
        balance -> {
          Amount expected = FROM_CUSTOMER_1.plus(FROM_CUSTOMER_2);
          if (!balance.equals(expected)) {
            throw new DemoContext.StepFailedException(
                "the merchant holds " + demo.money(balance) + ", expected " + demo.money(expected));
          }
          return demo.money(balance) + ": the refused payment moved nothing";
        });
  }

  /** The ledger's reason for refusing the payment, and the block that recorded the refusal. */
  private static String refusal(DemoContext demo, CompletableFuture<TransactionResult> payment)
      throws InterruptedException {
    try {
      TransactionResult result = payment.get();
      throw new DemoContext.StepFailedException(
          "the payment above the limit was accepted in block " + result.blockNumber());
    } catch (ExecutionException e) {
      if (DemoContext.unwrap(e) instanceof TransactionRevertedException reverted) {
        demo.refusedPaymentHash = reverted.transactionHash();
        return reverted.reason() + " (block " + reverted.receipt().getBlockNumber() + ")";
      }
      throw new DemoContext.StepFailedException(
          "the payment above the limit failed otherwise: " + DemoContext.unwrap(e).getMessage());
    }
  }
}
