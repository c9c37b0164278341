package io.fiscus.client.cli;

import io.fiscus.client.TokenClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code balance [ADDRESS]}: an account's balance. */
@Command(name = "balance", description = "Show an account's balance (default: your own).")
final class BalanceCommand extends ClientCommand {
  @Parameters(
      arity = "0..1",
      paramLabel = "ADDRESS",
      converter = Arguments.AddressConverter.class,
      description = "The account (default: the --key-file or --keystore account).")
  String address;

  @Override
  Output run(Session session) {
    String account = session.addressOrOwn(address);
    return Output.fields()
        .add("address", Value.text(account))
        .add("balance", Value.money(new TokenClient(session.fiscus()).balance(account).send()))
        .build();
  }
}
