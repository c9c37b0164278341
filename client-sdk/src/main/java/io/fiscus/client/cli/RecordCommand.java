package io.fiscus.client.cli;

import picocli.CommandLine.Command;

/** {@code record put|get}: LedgerRecords, signed records that are not money. */
@Command(
    name = "record",
    description = "Write or read a ledger record (settlement statements, attestations, filings).",
    subcommands = {RecordPutCommand.class, RecordGetCommand.class})
final class RecordCommand {}
