package io.fiscus.client.cli;

import io.fiscus.client.RegistryClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code account freeze ADDRESS --reason R}: the central bank stops an account, by legal order. */
@Command(
    name = "freeze",
    description =
        "Freeze an account: it can neither send nor receive (the central bank's key signs).")
final class AccountFreezeCommand extends ClientCommand {
  @Parameters(
      paramLabel = "ADDRESS",
      converter = Arguments.AddressConverter.class,
      description = "The account.")
  String address;

  @Option(
      names = "--reason",
      required = true,
      paramLabel = "TEXT",
      description = "Why, e.g. the legal order's reference; recorded on the ledger.")
  String reason;

  @Override
  Output run(Session session) {
    return TransactionView.fields(
        session,
        Output.fields()
            .add("account", Value.text(address))
            .add("frozen", Value.flag(true))
            .add("reason", Value.text(reason)),
        new RegistryClient(session.sender()).freeze(address, reason).send());
  }
}
