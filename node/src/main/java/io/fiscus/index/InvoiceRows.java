package io.fiscus.index;

import io.fiscus.contracts.invoices.Invoice;
import io.fiscus.rlp.Rlp;
import io.fiscus.rlp.RlpReader;
import io.fiscus.types.Address;
import io.fiscus.types.Hash;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The invoice layout in {@code Column.INVOICES}: one row per index, each key {@code indexId(1) ‖
 * partition ‖ issueDate(8) ‖ id(32)} so that every index lists its partition by issue date and a
 * date range is a key range. Every row's value is the whole invoice (RLP), so a query reads nothing
 * but the rows it scans; the indexer rewrites all rows of an invoice whenever it changes.
 */
final class InvoiceRows {
  private static final int DATE_AND_ID_SIZE = 8 + Hash.SIZE;

  /** The indexes, by their key prefix. The partition is what precedes the issue date. */
  enum Index {
    SELLER(1),
    BUYER(2),
    SELLER_TAX_ID(3),
    BUYER_TAX_ID(4),
    STATUS(5),
    ISSUE_DATE(6);

    final int id;

    Index(int id) {
      this.id = id;
    }

    static Index ofId(int id) {
      for (Index index : values()) {
        if (index.id == id) {
          return index;
        }
      }
      throw new IllegalArgumentException("no invoice index " + id);
    }
  }

  private InvoiceRows() {}

  static byte[] partition(Index index, byte[] value) {
    return KeyBytes.prefix(index.id, value);
  }

  static byte[] sellerPartition(Address seller) {
    return partition(Index.SELLER, KeyBytes.bytes(seller.bytes()));
  }

  static byte[] buyerPartition(Address buyer) {
    return partition(Index.BUYER, KeyBytes.bytes(buyer.bytes()));
  }

  static byte[] sellerTaxIdPartition(String taxId) {
    return partition(Index.SELLER_TAX_ID, KeyBytes.taxIdHash(taxId));
  }

  static byte[] buyerTaxIdPartition(String taxId) {
    return partition(Index.BUYER_TAX_ID, KeyBytes.taxIdHash(taxId));
  }

  static byte[] statusPartition(int status) {
    return partition(Index.STATUS, new byte[] {(byte) status});
  }

  static byte[] issueDatePartition() {
    return partition(Index.ISSUE_DATE, new byte[0]);
  }

  /** The first key of a partition issued on or after {@code date}. */
  static byte[] dateStart(byte[] partition, long date) {
    return KeyBytes.concat(partition, KeyBytes.long8(date));
  }

  /** The first key of a partition after everything issued on {@code date}. */
  static byte[] dateEnd(byte[] partition, long date) {
    return KeyBytes.prefixEnd(dateStart(partition, date));
  }

  /** Every key the invoice has in its current state; the status row depends on its status. */
  static List<byte[]> keys(Invoice invoice) {
    List<byte[]> keys = new ArrayList<>(6);
    keys.add(key(sellerPartition(invoice.seller()), invoice));
    keys.add(key(buyerPartition(invoice.buyer()), invoice));
    if (!invoice.sellerTaxId().isEmpty()) {
      keys.add(key(sellerTaxIdPartition(invoice.sellerTaxId()), invoice));
    }
    if (!invoice.buyerTaxId().isEmpty()) {
      keys.add(key(buyerTaxIdPartition(invoice.buyerTaxId()), invoice));
    }
    keys.add(statusKey(invoice));
    keys.add(key(issueDatePartition(), invoice));
    return keys;
  }

  static byte[] statusKey(Invoice invoice) {
    return key(statusPartition(invoice.status()), invoice);
  }

  private static byte[] key(byte[] partition, Invoice invoice) {
    return KeyBytes.concat(
        partition, KeyBytes.long8(invoice.issueDate()), KeyBytes.bytes(invoice.id().bytes()));
  }

  static int keySize(byte[] partition) {
    return partition.length + DATE_AND_ID_SIZE;
  }

  static byte[] value(Invoice invoice) {
    return Rlp.list(
        Rlp.string(invoice.id().bytes()),
        Rlp.string(invoice.seller().bytes()),
        utf8(invoice.sellerTaxId()),
        Rlp.string(invoice.buyer().bytes()),
        utf8(invoice.buyerTaxId()),
        utf8(invoice.number()),
        Rlp.uint(invoice.issueDate()),
        Rlp.uint(invoice.netAmount()),
        Rlp.uint(invoice.taxAmount()),
        Rlp.uint(invoice.taxRateBp()),
        Rlp.string(invoice.documentHash().bytes()),
        Rlp.uint(invoice.status()),
        Rlp.uint(invoice.kind()),
        Rlp.string(invoice.originalId().bytes()),
        Rlp.uint(invoice.creditedNetAmount()),
        Rlp.uint(invoice.issuedAtBlock()));
  }

  static Invoice decode(byte[] value) {
    RlpReader outer = RlpReader.of(value);
    RlpReader reader = outer.enterList();
    outer.requireEnd();
    Invoice invoice =
        new Invoice(
            reader.readHash(),
            reader.readAddress(),
            readUtf8(reader),
            reader.readAddress(),
            readUtf8(reader),
            readUtf8(reader),
            reader.readLong(),
            reader.readLong(),
            reader.readLong(),
            reader.readInt(),
            reader.readHash(),
            reader.readInt(),
            reader.readInt(),
            reader.readHash(),
            reader.readLong(),
            reader.readLong());
    reader.requireEnd();
    return invoice;
  }

  private static byte[] utf8(String value) {
    return Rlp.string(value.getBytes(StandardCharsets.UTF_8));
  }

  private static String readUtf8(RlpReader reader) {
    return new String(reader.readBytes(), StandardCharsets.UTF_8);
  }
}
