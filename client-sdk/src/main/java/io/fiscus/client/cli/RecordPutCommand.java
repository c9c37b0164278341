package io.fiscus.client.cli;

import io.fiscus.client.LedgerClient;
import io.fiscus.client.WrittenRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code record put KIND KEY (PAYLOAD | --file FILE)}: writes the next version of a record. */
@Command(
    name = "put",
    description =
        "Write the next version of your record KIND/KEY with a payload of up to 4096" + " bytes.")
final class RecordPutCommand extends ClientCommand {
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

  @Parameters(
      index = "2",
      arity = "0..1",
      paramLabel = "PAYLOAD",
      description = "The payload as text (UTF-8); or give --file.")
  String payloadText;

  @Option(
      names = "--file",
      paramLabel = "FILE",
      description = "Read the payload's bytes from FILE.")
  Path file;

  @Override
  Output run(Session session) {
    byte[] payload = payload();
    WrittenRecord written =
        new LedgerClient(session.sender())
            .write(Labels.recordName(kind), Labels.recordName(key), payload)
            .send();
    return TransactionView.fields(
        session,
        Output.fields()
            .add("submitter", Value.text(session.sender().address()))
            .add("kind", Value.text(kind))
            .add("key", Value.text(key))
            .add("version", Value.count(written.version()))
            .add("payload hash", Value.text(written.payloadHash())),
        written.result());
  }

  private byte[] payload() {
    if ((payloadText == null) == (file == null)) {
      throw new UsageException("give the payload as PAYLOAD or --file FILE, one of the two");
    }
    if (payloadText != null) {
      return payloadText.getBytes(StandardCharsets.UTF_8);
    }
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UsageException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
