package io.fiscus.client.cli;

import io.fiscus.client.Amount;
import io.fiscus.client.TokenClient;
import io.fiscus.client.tx.TransactionResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code transfer TO AMOUNT [--reference R]}: pays another account. */
@Command(
    name = "transfer",
    description = "Pay AMOUNT to another account, optionally with a reference the payee can match.")
final class TransferCommand extends ClientCommand {
  @Parameters(
      index = "0",
      paramLabel = "TO",
      converter = Arguments.AddressConverter.class,
      description = "The payee.")
  String to;

  @Parameters(index = "1", paramLabel = "AMOUNT", description = "How much, e.g. 12.50.")
  Amount amount;

  @Option(
      names = "--reference",
      paramLabel = "R",
      description =
          "A payment reference (an order or end-to-end id): recorded as its keccak-256 hash, as"
              + " the SDK's TokenClient.reference does; 0x and 64 hex digits are recorded as"
              + " they are.")
  String reference;

  @Override
  Output run(Session session) {
    TokenClient token = new TokenClient(session.sender());
    TransactionResult result =
        reference == null
            ? token.transfer(to, amount).send()
            : token.transferWithReference(to, amount, Labels.paymentReference(reference)).send();
    return TransactionView.fields(
        session,
        Output.fields()
            .add("from", Value.text(session.sender().address()))
            .add("to", Value.text(to))
            .add("amount", Value.money(amount))
            .add("reference", Value.text(reference)),
        result);
  }
}
