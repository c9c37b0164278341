package io.fiscus.client.cli;

import io.fiscus.client.rpc.LedgerRecord;
import java.util.HexFormat;

/** How a ledger record is shown: its labels decoded, its payload as text when it is text. */
final class RecordView {
  private RecordView() {}

  static Output.Fields fields(LedgerRecord record) {
    byte[] payload = record.payload();
    String hex = "0x" + HexFormat.of().formatHex(payload);
    return Output.fields()
        .add("submitter", Value.text(record.submitter()))
        .add("kind", Value.text(Bytes32Text.decode(record.kind())))
        .add("key", Value.text(Bytes32Text.decode(record.key())))
        .add("version", Value.count(record.version()))
        .add("block", Value.count(record.blockNumber()))
        .add("transaction", Value.text(record.txHash()))
        .add("payload", Value.text(PrintableText.of(payload).orElse(hex)))
        .addJsonOnly("payload hex", Value.text(hex))
        .build();
  }
}
