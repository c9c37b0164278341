package io.fiscus.client.cli;

import io.fiscus.client.TaxAuthorityClient;
import io.fiscus.client.TaxId;
import io.fiscus.client.rpc.Invoice;
import io.fiscus.client.rpc.InvoiceQuery;
import io.fiscus.client.rpc.InvoiceStatus;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code invoice list [filters]}: invoices and credit notes by issue date. */
@Command(
    name = "list",
    description =
        "List invoices and credit notes by issue date, filtered by seller, buyer, status"
            + " and period.")
final class InvoiceListCommand extends ClientCommand {
  @Option(
      names = "--seller",
      paramLabel = "ADDRESS",
      converter = Arguments.AddressConverter.class,
      description = "Issued by this account.")
  String seller;

  @Option(
      names = "--buyer",
      paramLabel = "ADDRESS",
      converter = Arguments.AddressConverter.class,
      description = "Issued to this account.")
  String buyer;

  @Option(
      names = "--seller-tax-id",
      paramLabel = "TAX-ID",
      description = "Issued by this taxpayer.")
  TaxId sellerTaxId;

  @Option(names = "--buyer-tax-id", paramLabel = "TAX-ID", description = "Issued to this taxpayer.")
  TaxId buyerTaxId;

  @Option(names = "--status", paramLabel = "STATUS", description = "issued, paid or cancelled.")
  InvoiceStatus status;

  @Option(names = "--from", paramLabel = "DATE", description = "Issued on or after (YYYY-MM-DD).")
  LocalDate from;

  @Option(names = "--to", paramLabel = "DATE", description = "Issued on or before (YYYY-MM-DD).")
  LocalDate to;

  @Mixin ListOptions list;

  @Override
  Output run(Session session) {
    InvoiceQuery query = query(FirstItems.pageSize(list.limit()));
    FirstItems<Invoice> first =
        FirstItems.of(
            new TaxAuthorityClient(session.fiscus()).invoices(query).stream(), list.limit());
    return new Output.Table(
        InvoiceView.COLUMNS,
        first.items().stream().map(InvoiceView::row).toList(),
        "no invoices",
        list.moreHint(first.more()));
  }

  private InvoiceQuery query(int pageSize) {
    return new InvoiceQuery(
        Optional.ofNullable(seller),
        Optional.ofNullable(buyer),
        Optional.ofNullable(sellerTaxId),
        Optional.ofNullable(buyerTaxId),
        Optional.ofNullable(status),
        from == null
            ? OptionalLong.empty()
            : OptionalLong.of(from.atStartOfDay().toEpochSecond(ZoneOffset.UTC)),
        to == null
            ? OptionalLong.empty()
            : OptionalLong.of(to.atTime(LocalTime.MAX).toEpochSecond(ZoneOffset.UTC)),
        Optional.empty(),
        OptionalInt.of(pageSize));
  }
}
