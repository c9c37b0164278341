package io.fiscus.client.cli;

import io.fiscus.client.Amount;
import io.fiscus.client.TokenClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code redeem AMOUNT}: a commercial bank returns money to the central bank, which burns it. */
@Command(
    name = "redeem",
    description =
        "Return money to the central bank, which takes it out of circulation (a bank's"
            + " key signs).")
final class RedeemCommand extends ClientCommand {
  @Parameters(index = "0", paramLabel = "AMOUNT", description = "How much, e.g. 5000.00.")
  Amount amount;

  @Override
  Output run(Session session) {
    return TransactionView.fields(
        session,
        Output.fields()
            .add("bank", Value.text(session.sender().address()))
            .add("redeemed", Value.money(amount)),
        new TokenClient(session.sender()).redeem(amount).send());
  }
}
