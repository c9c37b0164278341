package io.fiscus.client.cli;

import io.fiscus.client.RegistryClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code account unfreeze ADDRESS}: lifts a freeze. */
@Command(name = "unfreeze", description = "Unfreeze an account (the central bank's key signs).")
final class AccountUnfreezeCommand extends ClientCommand {
  @Parameters(
      paramLabel = "ADDRESS",
      converter = Arguments.AddressConverter.class,
      description = "The account.")
  String address;

  @Override
  Output run(Session session) {
    return TransactionView.fields(
        session,
        Output.fields().add("account", Value.text(address)).add("frozen", Value.flag(false)),
        new RegistryClient(session.sender()).unfreeze(address).send());
  }
}
