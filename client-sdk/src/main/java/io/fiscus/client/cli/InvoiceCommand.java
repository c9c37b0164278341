package io.fiscus.client.cli;

import picocli.CommandLine.Command;

/** {@code invoice issue|pay|cancel|credit|list|show}: tax invoices and credit notes. */
@Command(
    name = "invoice",
    description = "Issue, pay, cancel, credit, list and show tax invoices.",
    subcommands = {
      InvoiceIssueCommand.class,
      InvoicePayCommand.class,
      InvoiceCancelCommand.class,
      InvoiceCreditCommand.class,
      InvoiceListCommand.class,
      InvoiceShowCommand.class
    })
final class InvoiceCommand {}
