package io.fiscus.client.examples;

import io.fiscus.client.Amount;
import io.fiscus.client.FinalityCheck;
import io.fiscus.client.Fiscus;
import io.fiscus.client.TokenClient;
import io.fiscus.client.tx.SubmittedTransaction;
import io.fiscus.client.tx.Tracker;
import io.fiscus.client.tx.TransactionResult;
import io.fiscus.client.tx.TransactionSender;
import java.time.Duration;
import java.util.Optional;
import org.web3j.crypto.Credentials;

/** README: follow a payment until it is final, checked by the client's own verifier. */
public final class FinalityExample {
  private FinalityExample() {}

  /** Pays {@code payee} 5.00 from {@code bank}; {@code verifier} checks each finality proof. */
  public static TransactionResult payAndVerify(
      Fiscus fiscus, Credentials bank, String payee, FinalityCheck verifier) {
    // tag::finality[]
    try (Tracker tracker =
        new Tracker(
            fiscus, Duration.ofSeconds(30), Duration.ofMillis(100), Optional.of(verifier))) {
      TransactionSender sender = TransactionSender.create(fiscus, bank, tracker);
      TransactionResult paid = new TokenClient(sender).transfer(payee, Amount.parse("5.00")).send();
      System.out.println(
          "final in block " + paid.blockNumber() + ", verified: " + paid.finalityChecked());

      // Any transaction can be followed by hash, stage by stage:
      SubmittedTransaction followed = tracker.follow(paid.transactionHash());
      System.out.println("included in " + followed.inclusion().send().getBlockHash());
      return followed.finality().send(); // NotFinalException if not final within 30 s
    }
    // end::finality[]
  }
}
