package io.fiscus.client.cli;

import io.fiscus.client.FiscusException;
import io.fiscus.client.LedgerClient;
import io.fiscus.client.StoredRecord;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code record get KIND KEY [--submitter ADDRESS] [--version N]}: one version of a record. */
@Command(
    name = "get",
    description = "Show the latest version of a record (or --version N), by kind and key.")
final class RecordGetCommand extends ClientCommand {
  @Parameters(
      index = "0",
      paramLabel = "KIND",
      description = "The record's kind: a name (hashed as the SDK does), or 0x and 64 hex digits.")
  String kind;

  @Parameters(
      index = "1",
      paramLabel = "KEY",
      description = "The record's key: a name (hashed as the SDK does), or 0x and 64 hex digits.")
  String key;

  @Option(
      names = "--submitter",
      paramLabel = "ADDRESS",
      converter = Arguments.AddressConverter.class,
      description = "Whose record (default: the --key-file or --keystore account).")
  String submitter;

  @Option(names = "--version", paramLabel = "N", description = "This version, not the latest.")
  Long version;

  @Override
  Output run(Session session) {
    String account = session.addressOrOwn(submitter);
    String kindHex = Labels.recordName(kind);
    String keyHex = Labels.recordName(key);
    LedgerClient ledger = new LedgerClient(session.fiscus());
    Optional<StoredRecord> record =
        version == null
            ? ledger.latest(account, kindHex, keyHex).send()
            : ledger.at(account, kindHex, keyHex, version).send();
    return Output.fields()
        .add("submitter", Value.text(account))
        .addAll(RecordView.fields(kind, key, record.orElseThrow(this::notFound)).build())
        .build();
  }

  private FiscusException notFound() {
    return new FiscusException(
        "no record " + kind + " / " + key + (version == null ? "" : " version " + version));
  }
}
