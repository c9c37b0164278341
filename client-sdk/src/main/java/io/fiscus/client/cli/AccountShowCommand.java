package io.fiscus.client.cli;

import io.fiscus.client.RegistryClient;
import io.fiscus.client.Role;
import io.fiscus.client.TaxId;
import io.fiscus.client.rpc.CbdcAccount;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code account show [ADDRESS]}: registration, bank, tier, roles, tax id, balance. */
@Command(
    name = "show",
    description = "Show an account's registration, bank, tier, roles, tax id and balance.")
final class AccountShowCommand extends ClientCommand {
  @Parameters(
      arity = "0..1",
      paramLabel = "ADDRESS",
      converter = Arguments.AddressConverter.class,
      description = "The account (default: the --key-file or --keystore account).")
  String address;

  @Override
  Output run(Session session) {
    CbdcAccount account =
        new RegistryClient(session.fiscus()).account(session.addressOrOwn(address)).send();
    return Output.fields()
        .add("address", Value.text(account.address()))
        .add("registered", Value.flag(account.registered()))
        .add("bank", Value.text(account.bank().orElse(null)))
        .add(
            "tier",
            account.tier().isPresent()
                ? Value.count(account.tier().getAsInt())
                : Value.Absent.ABSENT)
        .add("frozen", Value.flag(account.frozen()))
        .add("tax id", Value.text(account.taxId().map(TaxId::value).orElse(null)))
        .add("roles", new Value.TextList(account.roles().stream().map(Role::name).toList()))
        .add("balance", Value.money(account.balance()))
        .add("nonce", Value.count(account.nonce()))
        .build();
  }
}
