package io.fiscus.client.cli;

import io.fiscus.client.StoredRecord;

/** How a ledger record is shown: its payload as text when it is text, else as hex. */
final class RecordView {
  private RecordView() {}

  static Output.FieldsBuilder fields(String kind, String key, StoredRecord record) {
    return Output.fields()
        .add("kind", Value.text(kind))
        .add("key", Value.text(key))
        .add("version", Value.count(record.version()))
        .add("block", Value.count(record.blockNumber()))
        .add("payload", Value.text(PrintableText.of(record.payload()).orElse(record.payloadHex())))
        .addJsonOnly("payload hex", Value.text(record.payloadHex()));
  }
}
