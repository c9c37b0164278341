package io.fiscus.index;

import io.fiscus.types.Address;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * {@code cbdc_getInvoices}: invoices (and credit notes) matching every given filter, by issue date;
 * dates are unix seconds, inclusive.
 */
public record InvoiceQuery(
    Optional<Address> seller,
    Optional<Address> buyer,
    Optional<String> sellerTaxId,
    Optional<String> buyerTaxId,
    OptionalInt status,
    OptionalLong fromDate,
    OptionalLong toDate,
    Optional<String> cursor,
    int limit) {}
