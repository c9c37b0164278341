package io.fiscus.client.cli;

import io.fiscus.client.Amount;
import io.fiscus.client.TokenClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mint BANK AMOUNT}: the central bank issues new money to a commercial bank. */
@Command(
    name = "mint",
    description = "Issue new money to a commercial bank (the central bank's key signs).")
final class MintCommand extends ClientCommand {
  @Parameters(
      index = "0",
      paramLabel = "BANK",
      converter = Arguments.AddressConverter.class,
      description = "The bank receiving the money (it holds the BANK role).")
  String bank;

  @Parameters(index = "1", paramLabel = "AMOUNT", description = "How much, e.g. 1000000.00.")
  Amount amount;

  @Override
  Output run(Session session) {
    return TransactionView.fields(
        session,
        Output.fields().add("bank", Value.text(bank)).add("minted", Value.money(amount)),
        new TokenClient(session.sender()).mint(bank, amount).send());
  }
}
