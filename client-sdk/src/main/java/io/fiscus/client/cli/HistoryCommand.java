package io.fiscus.client.cli;

import io.fiscus.client.HistoryClient;
import io.fiscus.client.rpc.HistoryItem;
import io.fiscus.client.rpc.HistoryQuery;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code history [ADDRESS]}: an account's payments in and out, newest first. */
@Command(
    name = "history",
    description = "Show an account's money movements, newest first (default: your own account).")
final class HistoryCommand extends ClientCommand {
  @Parameters(
      arity = "0..1",
      paramLabel = "ADDRESS",
      converter = Arguments.AddressConverter.class,
      description = "The account (default: the --key-file or --keystore account).")
  String address;

  @Mixin ListOptions list;

  @Override
  Output run(Session session) {
    String account = session.addressOrOwn(address);
    HistoryQuery query = HistoryQuery.all().withLimit(FirstItems.pageSize(list.limit()));
    FirstItems<HistoryItem> first =
        FirstItems.of(
            new HistoryClient(session.fiscus()).history(account, query).stream(), list.limit());
    List<List<Value>> rows = first.items().stream().map(item -> row(account, item)).toList();
    return new Output.Table(
        List.of(
            Output.Column.shown("block"),
            Output.Column.shown("time"),
            Output.Column.shown("kind"),
            Output.Column.shown("direction"),
            Output.Column.shown("counterparty"),
            Output.Column.shown("amount"),
            Output.Column.shown("reference"),
            Output.Column.jsonOnly("transaction")),
        rows,
        "no payments in or out of " + account,
        list.moreHint(first.more()));
  }

  private static List<Value> row(String account, HistoryItem item) {
    boolean incoming = item.isIncomingTo(account);
    return List.of(
        Value.count(item.blockNumber()),
        new Value.Moment(item.timestamp()),
        Value.text(item.kind().wireName()),
        Value.text(incoming ? "in" : "out"),
        Value.text(incoming ? item.from() : item.to()),
        Value.money(item.amount()),
        Value.text(item.reference().orElse(null)),
        Value.text(item.txHash()));
  }
}
