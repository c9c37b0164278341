package io.fiscus.index;

import io.fiscus.types.Address;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Test shorthand for an {@link InvoiceQuery} with only some filters. */
final class InvoiceQueryBuilder {
  private Optional<Address> seller = Optional.empty();
  private Optional<Address> buyer = Optional.empty();
  private Optional<String> sellerTaxId = Optional.empty();
  private Optional<String> buyerTaxId = Optional.empty();
  private OptionalInt status = OptionalInt.empty();
  private OptionalLong fromDate = OptionalLong.empty();
  private OptionalLong toDate = OptionalLong.empty();
  private Optional<String> cursor = Optional.empty();
  private int limit = QueryLimits.DEFAULT_LIMIT;

  InvoiceQueryBuilder seller(Address value) {
    seller = Optional.of(value);
    return this;
  }

  InvoiceQueryBuilder buyer(Address value) {
    buyer = Optional.of(value);
    return this;
  }

  InvoiceQueryBuilder sellerTaxId(String value) {
    sellerTaxId = Optional.of(value);
    return this;
  }

  InvoiceQueryBuilder buyerTaxId(String value) {
    buyerTaxId = Optional.of(value);
    return this;
  }

  InvoiceQueryBuilder status(int value) {
    status = OptionalInt.of(value);
    return this;
  }

  InvoiceQueryBuilder fromDate(long value) {
    fromDate = OptionalLong.of(value);
    return this;
  }

  InvoiceQueryBuilder toDate(long value) {
    toDate = OptionalLong.of(value);
    return this;
  }

  InvoiceQueryBuilder cursor(Optional<String> value) {
    cursor = value;
    return this;
  }

  InvoiceQueryBuilder limit(int value) {
    limit = value;
    return this;
  }

  InvoiceQuery build() {
    return new InvoiceQuery(
        seller, buyer, sellerTaxId, buyerTaxId, status, fromDate, toDate, cursor, limit);
  }
}
