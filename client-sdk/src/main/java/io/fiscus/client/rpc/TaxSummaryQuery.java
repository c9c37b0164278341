package io.fiscus.client.rpc;

import io.fiscus.client.TaxId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The filter of {@code cbdc_getTaxSummary}: one seller, by address or by tax id, and a period.
 *
 * @param seller the seller's address; exactly one of this and {@code sellerTaxId}
 * @param sellerTaxId the seller's tax id
 * @param period the issue dates to total
 */
public record TaxSummaryQuery(
    Optional<String> seller, Optional<TaxId> sellerTaxId, TaxPeriod period) {
  /** Checks that exactly one seller is named. */
  public TaxSummaryQuery {
    if (seller.isPresent() == sellerTaxId.isPresent()) {
      throw new IllegalArgumentException("name the seller by address or by tax id, not both");
    }
  }

  /**
   * A seller's summary by address.
   *
   * @param seller the seller's address
   * @param period the period
   * @return the query
   */
  public static TaxSummaryQuery of(String seller, TaxPeriod period) {
    return new TaxSummaryQuery(Optional.of(seller), Optional.empty(), period);
  }

  /**
   * A seller's summary by tax id.
   *
   * @param sellerTaxId the seller's tax id
   * @param period the period
   * @return the query
   */
  public static TaxSummaryQuery of(TaxId sellerTaxId, TaxPeriod period) {
    return new TaxSummaryQuery(Optional.empty(), Optional.of(sellerTaxId), period);
  }

  /**
   * The filter object as the RPC takes it.
   *
   * @return the JSON-RPC parameter
   */
  public Map<String, Object> toParams() {
    Map<String, Object> params = new LinkedHashMap<>();
    Quantities.put(params, "seller", seller);
    Quantities.put(params, "sellerTaxId", sellerTaxId);
    params.put("fromDate", Quantities.hex(period.fromEpochSecond()));
    params.put("toDate", Quantities.hex(period.toEpochSecond()));
    return params;
  }
}
