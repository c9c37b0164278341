package io.fiscus.contracts.invoices;

import static io.fiscus.contracts.system.SystemAddresses.TAX_INVOICES;

import io.fiscus.abi.AbiWriter;
import io.fiscus.contracts.system.StorageSlots;
import io.fiscus.contracts.system.StoredValues;
import io.fiscus.crypto.Keccak;
import io.fiscus.rlp.Rlp;
import io.fiscus.rlp.RlpReader;
import io.fiscus.state.StateChanges;
import io.fiscus.state.StateView;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * TaxInvoices storage: {@code hashed(0x20, id)} → RLP [seller, sellerTaxId, buyer, buyerTaxId,
 * number, issueDate, netAmount, taxAmount, taxRateBp, documentHash, status, kind, originalId,
 * creditedNetAmount, issuedAtBlock]. The id is already unique per seller and number, so it is the
 * whole key.
 */
public final class InvoiceStore {
  private static final int TAG_INVOICE = 0x20;

  private InvoiceStore() {}

  /** {@code keccak256(bytes(sellerTaxId) ‖ "/" ‖ bytes(number))}. */
  public static Hash invoiceId(String sellerTaxId, String number) {
    return Keccak.hash(Bytes.wrap((sellerTaxId + "/" + number).getBytes(StandardCharsets.UTF_8)));
  }

  public static Optional<Invoice> invoice(StateView state, Hash id) {
    return StoredValues.readList(state, TAX_INVOICES, slot(id))
        .map(reader -> readFields(id, reader));
  }

  public static void put(StateChanges state, Invoice invoice) {
    StoredValues.writeRaw(state, TAX_INVOICES, slot(invoice.id()), Rlp.list(fields(invoice)));
  }

  /**
   * The RLP items of an invoice's stored fields, in storage order, without the id (the id is the
   * key). Public so that the node's invoice index stores the same encoding after the id.
   */
  public static List<byte[]> fields(Invoice invoice) {
    return List.of(
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

  /** The ABI encoding of {@code getInvoice}'s single return value, the Invoice struct. */
  public static Bytes encode(Invoice invoice) {
    AbiWriter struct =
        new AbiWriter(16)
            .bytes32(invoice.id())
            .address(invoice.seller())
            .string(invoice.sellerTaxId())
            .address(invoice.buyer())
            .string(invoice.buyerTaxId())
            .string(invoice.number())
            .uint(invoice.issueDate())
            .uint(invoice.netAmount())
            .uint(invoice.taxAmount())
            .uint(invoice.taxRateBp())
            .bytes32(invoice.documentHash())
            .uint(invoice.status())
            .uint(invoice.kind())
            .bytes32(invoice.originalId())
            .uint(invoice.creditedNetAmount())
            .uint(invoice.issuedAtBlock());
    return new AbiWriter(1).tuple(struct).toBytes();
  }

  private static Hash slot(Hash id) {
    return StorageSlots.hashed(TAG_INVOICE, id.bytes().unsafeArray());
  }

  private static byte[] utf8(String value) {
    return Rlp.string(value.getBytes(StandardCharsets.UTF_8));
  }

  private static String readUtf8(RlpReader reader) {
    return new String(reader.readBytes(), StandardCharsets.UTF_8);
  }

  /**
   * The invoice {@code id} whose {@link #fields} {@code reader} holds; requires that they end the
   * list.
   */
  public static Invoice readFields(Hash id, RlpReader reader) {
    Invoice invoice =
        new Invoice(
            id,
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
}
