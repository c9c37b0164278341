package io.fiscus.client.cli;

import io.fiscus.client.InvoiceId;
import io.fiscus.client.TaxId;
import io.fiscus.client.rpc.Invoice;
import java.util.List;

/** How an invoice or credit note is shown: all its fields, or one row of a list. */
final class InvoiceView {
  static final List<Output.Column> COLUMNS =
      List.of(
          Output.Column.shown("id"),
          Output.Column.shown("number"),
          Output.Column.shown("date"),
          Output.Column.shown("kind"),
          Output.Column.shown("seller tax id"),
          Output.Column.jsonOnly("seller"),
          Output.Column.jsonOnly("buyer"),
          Output.Column.jsonOnly("net amount"),
          Output.Column.jsonOnly("tax amount"),
          Output.Column.shown("gross amount"),
          Output.Column.shown("status"));

  private InvoiceView() {}

  static Output.Fields fields(Invoice invoice) {
    return Output.fields()
        .add("id", Value.text(invoice.id().hex()))
        .add("kind", Value.text(invoice.kind().wireName()))
        .add("number", Value.text(invoice.number()))
        .add("seller", Value.text(invoice.seller()))
        .add("seller tax id", Value.text(invoice.sellerTaxId().value()))
        .add("buyer", Value.text(invoice.buyer().orElse(null)))
        .add("buyer tax id", Value.text(invoice.buyerTaxId().map(TaxId::value).orElse(null)))
        .add("issue date", new Value.Day(invoice.issueDate()))
        .add("net amount", Value.money(invoice.netAmount()))
        .add("tax rate", new Value.Rate(invoice.taxRateBp()))
        .add("tax amount", Value.money(invoice.taxAmount()))
        .add("gross amount", Value.money(invoice.grossAmount()))
        .add("status", Value.text(invoice.status().wireName()))
        .add("document hash", Value.text(invoice.documentHash()))
        .add("original id", Value.text(invoice.originalId().map(InvoiceId::hex).orElse(null)))
        .add("credited net amount", Value.money(invoice.creditedNetAmount()))
        .add("issued at block", Value.count(invoice.issuedAtBlock()))
        .build();
  }

  static List<Value> row(Invoice invoice) {
    return List.of(
        Value.text(invoice.id().hex()),
        Value.text(invoice.number()),
        new Value.Day(invoice.issueDate()),
        Value.text(invoice.kind().wireName()),
        Value.text(invoice.sellerTaxId().value()),
        Value.text(invoice.seller()),
        Value.text(invoice.buyer().orElse(null)),
        Value.money(invoice.netAmount()),
        Value.money(invoice.taxAmount()),
        Value.money(invoice.grossAmount()),
        Value.text(invoice.status().wireName()));
  }
}
