package io.fiscus.client.rpc;

import io.fiscus.client.TaxId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The filter of {@code cbdc_getInvoices}: every given condition must hold; results come by issue
 * date. Build it from {@link #all()} with the {@code with…} methods, e.g. {@code
 * InvoiceQuery.all().withSeller(merchant).within(TaxPeriod.quarter(2026, 4))}.
 *
 * @param seller the seller's address
 * @param buyer the buyer's address
 * @param sellerTaxId the seller's tax id
 * @param buyerTaxId the buyer's tax id
 * @param status the status
 * @param fromDate the earliest issue date, unix seconds, inclusive
 * @param toDate the latest issue date, unix seconds, inclusive
 * @param cursor the {@code nextCursor} of the previous page of the same query
 * @param limit the page size, 1..1000 (the node's default is 100)
 */
public record InvoiceQuery(
    Optional<String> seller,
    Optional<String> buyer,
    Optional<TaxId> sellerTaxId,
    Optional<TaxId> buyerTaxId,
    Optional<InvoiceStatus> status,
    OptionalLong fromDate,
    OptionalLong toDate,
    Optional<String> cursor,
    OptionalInt limit) {
  /** Checks the page size. */
  public InvoiceQuery {
    Quantities.checkLimit(limit);
  }

  /**
   * Every invoice and credit note.
   *
   * @return the query
   */
  public static InvoiceQuery all() {
    return new InvoiceQuery(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        OptionalLong.empty(),
        OptionalLong.empty(),
        Optional.empty(),
        OptionalInt.empty());
  }

  /**
   * Only this seller's.
   *
   * @param address the seller
   * @return the narrowed query
   */
  public InvoiceQuery withSeller(String address) {
    return new InvoiceQuery(
        Optional.of(address),
        buyer,
        sellerTaxId,
        buyerTaxId,
        status,
        fromDate,
        toDate,
        cursor,
        limit);
  }

  /**
   * Only this buyer's.
   *
   * @param address the buyer
   * @return the narrowed query
   */
  public InvoiceQuery withBuyer(String address) {
    return new InvoiceQuery(
        seller,
        Optional.of(address),
        sellerTaxId,
        buyerTaxId,
        status,
        fromDate,
        toDate,
        cursor,
        limit);
  }

  /**
   * Only those of the seller with this tax id.
   *
   * @param taxId the seller's tax id
   * @return the narrowed query
   */
  public InvoiceQuery withSellerTaxId(TaxId taxId) {
    return new InvoiceQuery(
        seller, buyer, Optional.of(taxId), buyerTaxId, status, fromDate, toDate, cursor, limit);
  }

  /**
   * Only those to the buyer with this tax id.
   *
   * @param taxId the buyer's tax id
   * @return the narrowed query
   */
  public InvoiceQuery withBuyerTaxId(TaxId taxId) {
    return new InvoiceQuery(
        seller, buyer, sellerTaxId, Optional.of(taxId), status, fromDate, toDate, cursor, limit);
  }

  /**
   * Only those in this status.
   *
   * @param wanted the status
   * @return the narrowed query
   */
  public InvoiceQuery withStatus(InvoiceStatus wanted) {
    return new InvoiceQuery(
        seller,
        buyer,
        sellerTaxId,
        buyerTaxId,
        Optional.of(wanted),
        fromDate,
        toDate,
        cursor,
        limit);
  }

  /**
   * Only those issued within the period.
   *
   * @param period whole UTC days
   * @return the narrowed query
   */
  public InvoiceQuery within(TaxPeriod period) {
    return new InvoiceQuery(
        seller,
        buyer,
        sellerTaxId,
        buyerTaxId,
        status,
        OptionalLong.of(period.fromEpochSecond()),
        OptionalLong.of(period.toEpochSecond()),
        cursor,
        limit);
  }

  /**
   * Pages of {@code size} items.
   *
   * @param size 1..1000
   * @return the query
   */
  public InvoiceQuery withLimit(int size) {
    return new InvoiceQuery(
        seller,
        buyer,
        sellerTaxId,
        buyerTaxId,
        status,
        fromDate,
        toDate,
        cursor,
        OptionalInt.of(size));
  }

  /**
   * The page after the one that returned {@code nextCursor}.
   *
   * @param nextCursor a page's {@code nextCursor}
   * @return the query for the next page
   */
  public InvoiceQuery withCursor(String nextCursor) {
    return new InvoiceQuery(
        seller,
        buyer,
        sellerTaxId,
        buyerTaxId,
        status,
        fromDate,
        toDate,
        Optional.of(nextCursor),
        limit);
  }

  /**
   * The filter object as the RPC takes it.
   *
   * @return the JSON-RPC parameter
   */
  public Map<String, Object> toParams() {
    Map<String, Object> params = new LinkedHashMap<>();
    Quantities.put(params, "seller", seller);
    Quantities.put(params, "buyer", buyer);
    Quantities.put(params, "sellerTaxId", sellerTaxId);
    Quantities.put(params, "buyerTaxId", buyerTaxId);
    status.ifPresent(s -> params.put("status", s.wireName()));
    Quantities.put(params, "fromDate", fromDate);
    Quantities.put(params, "toDate", toDate);
    Quantities.put(params, "cursor", cursor);
    Quantities.put(params, "limit", limit);
    return params;
  }
}
