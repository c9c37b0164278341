package io.fiscus.client.cli;

import io.fiscus.client.RegistryClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code account register ADDRESS --tier N}: a bank registers its customer's wallet. */
@Command(
    name = "register",
    description =
        "Register a customer's account with a wallet tier; your account becomes its bank.")
final class AccountRegisterCommand extends ClientCommand {
  @Parameters(
      paramLabel = "ADDRESS",
      converter = Arguments.AddressConverter.class,
      description = "The new account.")
  String address;

  @Option(
      names = "--tier",
      required = true,
      paramLabel = "N",
      description = "Wallet tier 1, 2 or 3: the more KYC, the higher the limits.")
  int tier;

  @Override
  Output run(Session session) {
    return TransactionView.fields(
        session,
        Output.fields()
            .add("account", Value.text(address))
            .add("tier", Value.count(tier))
            .add("bank", Value.text(session.sender().address())),
        new RegistryClient(session.sender()).registerAccount(address, tier).send());
  }
}
