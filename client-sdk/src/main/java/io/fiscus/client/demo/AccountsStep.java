package io.fiscus.client.demo;

import io.fiscus.client.Amount;
import io.fiscus.client.TierLimits;
import io.fiscus.client.tx.TransactionResult;
import java.util.concurrent.CompletableFuture;

/**
 * Step 2: the banks open wallets for their customers at different KYC tiers: the merchant at tier 3
 * (no limits), customer-1 at tier 1 and customer-2 at tier 2, and pay money into the customers'
 * wallets. Each bank's transactions are pipelined: registration, then payment, in nonce order.
 */
final class AccountsStep implements DemoStep {
  static final int MERCHANT_TIER = 3;
  static final int CUSTOMER_1_TIER = 1;
  static final int CUSTOMER_2_TIER = 2;
  static final Amount TO_CUSTOMER_1 = Amount.parse("800");
  static final Amount TO_CUSTOMER_2 = Amount.parse("3000");

  @Override
  public String title() {
    return "Accounts: the banks open wallets at different tiers";
  }

  @Override
  public void run(DemoContext demo) {
    DemoParties parties = demo.parties;
    Party bankA = parties.bankA;
    Party bankB = parties.bankB;
    CompletableFuture<TransactionResult> merchant =
        register(bankA, parties.merchant, MERCHANT_TIER);
    CompletableFuture<TransactionResult> customer1 =
        register(bankA, parties.customer1, CUSTOMER_1_TIER);
    CompletableFuture<TransactionResult> customer2 =
        register(bankB, parties.customer2, CUSTOMER_2_TIER);
    CompletableFuture<TransactionResult> fund1 = pay(bankA, parties.customer1, TO_CUSTOMER_1);
    CompletableFuture<TransactionResult> fund2 = pay(bankB, parties.customer2, TO_CUSTOMER_2);

    narrateRegistration(demo, bankA, parties.merchant, MERCHANT_TIER, merchant);
    narrateRegistration(demo, bankA, parties.customer1, CUSTOMER_1_TIER, customer1);
    narrateRegistration(demo, bankB, parties.customer2, CUSTOMER_2_TIER, customer2);
    demo.act(
        "bank-a pays " + demo.money(TO_CUSTOMER_1) + " into customer-1's wallet",
        fund1::get,
        DemoContext::block);
    demo.act(
        "bank-b pays " + demo.money(TO_CUSTOMER_2) + " into customer-2's wallet",
        fund2::get,
        DemoContext::block);
  }

  private static CompletableFuture<TransactionResult> register(
      Party bank, Party account, int tier) {
    return bank.client().registry().registerAccount(account.address(), tier).sendAsync();
  }

  private static CompletableFuture<TransactionResult> pay(Party from, Party to, Amount amount) {
    return from.client().token().transfer(to.address(), amount).sendAsync();
  }

  private static void narrateRegistration(
      DemoContext demo,
      Party bank,
      Party account,
      int tier,
      CompletableFuture<TransactionResult> registration) {
    TierLimits limits = demo.parties.centralBank.client().registry().tierLimits(tier).send();
    demo.act(
        bank.name() + " opens " + account.withAddress() + " at tier " + tier,
        registration::get,
        result -> DemoContext.block(result) + " · " + describe(demo, limits));
  }

  /** The limit that matters in the demo: the most one payment may move. */
  static String describe(DemoContext demo, TierLimits limits) {
    return limits.maxTransfer().isZero()
        ? "no limits"
        : "pays at most " + demo.money(limits.maxTransfer()) + " at once";
  }
}
