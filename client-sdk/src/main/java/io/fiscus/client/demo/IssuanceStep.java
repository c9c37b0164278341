package io.fiscus.client.demo;

import io.fiscus.client.Amount;
import io.fiscus.client.tx.TransactionResult;
import java.util.concurrent.CompletableFuture;

/** Step 1: the central bank issues currency to the two commercial banks (two-tier issuance). */
final class IssuanceStep implements DemoStep {
  static final Amount TO_BANK_A = Amount.parse("1000000");
  static final Amount TO_BANK_B = Amount.parse("500000");

  @Override
  public String title() {
    return "Issuance: the central bank issues currency to the commercial banks";
  }

  @Override
  public void run(DemoContext demo) {
    DemoParties parties = demo.parties;
    CompletableFuture<TransactionResult> toA =
        parties.centralBank.client().token().mint(parties.bankA.address(), TO_BANK_A).sendAsync();
    CompletableFuture<TransactionResult> toB =
        parties.centralBank.client().token().mint(parties.bankB.address(), TO_BANK_B).sendAsync();
    demo.act(
        "central bank issues " + demo.money(TO_BANK_A) + " to bank-a",
        toA::get,
        DemoContext::block);
    demo.act(
        "central bank issues " + demo.money(TO_BANK_B) + " to bank-b",
        toB::get,
        DemoContext::block);
  }
}
