package io.fiscus.client.cli;

import io.fiscus.client.FiscusException;
import io.fiscus.client.rpc.LedgerRecord;
import io.fiscus.client.rpc.Page;
import io.fiscus.client.rpc.RecordQuery;
import java.util.HexFormat;
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
      description = "The record's kind: text of up to 32 bytes, or 0x and 64 hex digits.")
  String kind;

  @Parameters(
      index = "1",
      paramLabel = "KEY",
      description = "The record's key: text of up to 32 bytes, or 0x and 64 hex digits.")
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
    RecordQuery query =
        RecordQuery.all()
            .withSubmitter(session.addressOrOwn(submitter))
            .withKind(label("KIND", kind))
            .withKey(label("KEY", key));
    return RecordView.fields(find(session, query).orElseThrow(this::notFound));
  }

  /** Versions come newest first: the first is the latest; a given one is found on the way down. */
  private Optional<LedgerRecord> find(Session session, RecordQuery query) {
    RecordQuery pages = query.withLimit(version == null ? 1 : FirstItems.PAGE_SIZE_MAX);
    Optional<String> cursor = Optional.empty();
    do {
      RecordQuery next = cursor.map(pages::withCursor).orElse(pages);
      Page<LedgerRecord> page = session.send(session.fiscus().cbdcGetRecords(next)).getPage();
      for (LedgerRecord record : page.items()) {
        if (version == null || record.version() == version) {
          return Optional.of(record);
        }
        if (record.version() < version) {
          return Optional.empty();
        }
      }
      cursor = page.nextCursor();
    } while (version != null && cursor.isPresent());
    return Optional.empty();
  }

  private FiscusException notFound() {
    return new FiscusException(
        "no record " + kind + "/" + key + (version == null ? "" : " version " + version));
  }

  static String label(String name, String text) {
    try {
      return "0x" + HexFormat.of().formatHex(Bytes32Text.encode(text));
    } catch (IllegalArgumentException e) {
      throw new UsageException(name + ": " + e.getMessage(), e);
    }
  }
}
