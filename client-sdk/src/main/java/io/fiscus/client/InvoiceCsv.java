package io.fiscus.client;

import io.fiscus.client.rpc.Invoice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Writes invoices as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a
 * comma, quote or line break), one header line then one line per invoice. Amounts are decimals with
 * two places, dates ISO {@code yyyy-MM-dd} in UTC, absent values empty.
 */
final class InvoiceCsv {
  static final List<String> HEADER =
      List.of(
          "id",
          "kind",
          "number",
          "issueDate",
          "seller",
          "sellerTaxId",
          "buyer",
          "buyerTaxId",
          "netAmount",
          "taxAmount",
          "grossAmount",
          "taxRateBp",
          "status",
          "originalId",
          "creditedNetAmount",
          "documentHash",
          "issuedAtBlock");

  private final Writer out;

  InvoiceCsv(Writer out) {
    this.out = out;
  }

  void header() {
    line(HEADER);
  }

  void row(Invoice invoice) {
    line(
        List.of(
            invoice.id().hex(),
            invoice.kind().wireName(),
            invoice.number(),
            invoice.issueDate().atOffset(ZoneOffset.UTC).toLocalDate().toString(),
            invoice.seller(),
            invoice.sellerTaxId().value(),
            invoice.buyer().orElse(""),
            text(invoice.buyerTaxId()),
            invoice.netAmount().toString(),
            invoice.taxAmount().toString(),
            invoice.grossAmount().toString(),
            Integer.toString(invoice.taxRateBp()),
            invoice.status().wireName(),
            text(invoice.originalId()),
            invoice.creditedNetAmount().toString(),
            invoice.documentHash(),
            Long.toString(invoice.issuedAtBlock())));
  }

  private static String text(Optional<?> value) {
    return value.map(Object::toString).orElse("");
  }

  private void line(List<String> fields) {
    try {
      for (int i = 0; i < fields.size(); i++) {
        if (i > 0) {
          out.write(',');
        }
        out.write(quoted(fields.get(i)));
      }
      out.write("\r\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String quoted(String field) {
    if (field.indexOf(',') < 0
        && field.indexOf('"') < 0
        && field.indexOf('\n') < 0
        && field.indexOf('\r') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }
}
