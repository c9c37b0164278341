package io.fiscus.index;

import io.fiscus.types.Address;
import java.util.Optional;

/** {@code cbdc_getTaxSummary}: one seller (by address or tax id), issue dates inclusive. */
public record TaxSummaryQuery(
    Optional<Address> seller, Optional<String> sellerTaxId, long fromDate, long toDate) {}
