package io.fiscus.contracts;

import static io.fiscus.contracts.Ledger.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.abi.AbiReader;
import io.fiscus.contracts.invoices.Invoice;
import io.fiscus.contracts.invoices.InvoiceStore;
import io.fiscus.contracts.system.CallOutcome;
import io.fiscus.crypto.Keccak;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint16;
import org.web3j.abi.datatypes.generated.Uint64;

class TaxInvoicesAndRecordsTest {
  private static final Hash DOC = Hash.fromHex("0x" + "0d".repeat(32));
  private final Ledger ledger = Ledger.standard();

  private CallOutcome issue(String number, Address buyer, long net, long tax, int rateBp) {
    return ledger.send(
        SHOP,
        INVOICES,
        "issueInvoice",
        new Utf8String(number),
        addr(buyer),
        new Uint64(BigInteger.valueOf(1_700_000_000L)),
        uint(net),
        uint(tax),
        new Uint16(BigInteger.valueOf(rateBp)),
        bytes32(DOC));
  }

  private Hash issued(String number, Address buyer, long net, long tax) {
    CallOutcome.Success outcome = (CallOutcome.Success) issue(number, buyer, net, tax, 1900);
    return AbiReader.ofTuple(outcome.returnData(), 1).bytes32();
  }

  private Invoice invoice(Hash id) {
    return InvoiceStore.invoice(ledger.state, id).orElseThrow();
  }

  @Test
  void theIdIsTheHashOfTaxIdSlashNumber() {
    Hash id = issued("INV-1", ALICE, 10_000, 1_900);
    assertThat(id)
        .isEqualTo(Keccak.hash(Bytes.wrap("DE123456789/INV-1".getBytes(StandardCharsets.UTF_8))));
    Bytes viaView =
        ledger.view(INVOICES, "invoiceId", new Utf8String("DE123456789"), new Utf8String("INV-1"));
    assertThat(AbiReader.ofTuple(viaView, 1).bytes32()).isEqualTo(id);
  }

  @Test
  void issueInvoiceChecksInTheDocumentedOrder() {
    ledger.reverts(
        "not taxpayer",
        ALICE,
        INVOICES,
        "issueInvoice",
        new Utf8String("1"),
        addr(BOB),
        new Uint64(BigInteger.ONE),
        uint(100),
        uint(19),
        new Uint16(BigInteger.valueOf(1900)),
        bytes32(DOC));
    assertRevert("invalid number", issue("has space", ALICE, 100, 19, 1900));
    assertRevert("invalid number", issue("x".repeat(65), ALICE, 100, 19, 1900));
    assertRevert("buyer is seller", issue("1", SHOP, 100, 19, 1900));
    assertRevert("amount out of range", issue("1", ALICE, Long.MAX_VALUE, 1, 0));
    assertRevert("amount must be positive", issue("1", ALICE, 0, 0, 1900));
    assertRevert("invalid tax rate", issue("1", ALICE, 100, 19, 10_001));
    assertRevert("tax mismatch", issue("1", ALICE, 100, 21, 1900));
    assertRevert("buyer not registered", issue("1", STRANGER, 100, 19, 1900));
    issued("1", ALICE, 100, 20);
    assertRevert("duplicate invoice", issue("1", BOB, 100, 19, 1900));
  }

  @Test
  void taxCheckUsesFullPrecisionForLargeAmounts() {
    long net = Long.MAX_VALUE / 2;
    long tax =
        BigInteger.valueOf(net)
            .multiply(BigInteger.valueOf(1900))
            .divide(BigInteger.valueOf(10_000))
            .longValueExact();
    assertThat(issue("BIG", ALICE, net, tax, 1900)).isInstanceOf(CallOutcome.Success.class);
  }

  private void assertRevert(String reason, CallOutcome outcome) {
    assertThat(outcome).isInstanceOf(CallOutcome.Reverted.class);
    assertThat(((CallOutcome.Reverted) outcome).reason().text()).isEqualTo(reason);
  }

  @Test
  void payingMovesNetPlusTaxOnceAndOnlyWhileIssued() {
    ledger.ok(BANK, TOKEN, "transfer", addr(ALICE), uint(20_000));
    Hash id = issued("INV-2", ALICE, 10_000, 1_900);
    ledger.reverts("not buyer", BOB, INVOICES, "payInvoice", bytes32(id));
    ledger.reverts("unknown invoice", ALICE, INVOICES, "payInvoice", bytes32(Hash.ZERO));
    CallOutcome.Success paid =
        (CallOutcome.Success) ledger.send(ALICE, INVOICES, "payInvoice", bytes32(id));
    assertThat(paid.gasUsed()).isEqualTo(51_000);
    assertThat(paid.logs()).extracting(l -> l.address()).containsExactly(TOKEN, INVOICES);
    assertThat(ledger.balance(SHOP)).isEqualTo(11_900);
    assertThat(invoice(id).status()).isEqualTo(Invoice.PAID);
    ledger.reverts("already paid", ALICE, INVOICES, "payInvoice", bytes32(id));
    ledger.reverts(
        "already paid", SHOP, INVOICES, "cancelInvoice", bytes32(id), new Utf8String("x"));
  }

  @Test
  void aConsumerInvoiceIsPayableByAnyoneButTheSellerUnderTheTransferRules() {
    Hash id = issued("C-1", Address.ZERO, 30_000, 5_700);
    ledger.reverts("payer is seller", SHOP, INVOICES, "payInvoice", bytes32(id));
    ledger.reverts("insufficient balance", BOB, INVOICES, "payInvoice", bytes32(id));
    ledger.ok(BANK, TOKEN, "transfer", addr(BOB), uint(40_000));
    ledger.reverts("over max transfer", BOB, INVOICES, "payInvoice", bytes32(id));
    ledger.ok(CENTRAL_BANK, REGISTRY, "freeze", addr(SHOP), new Utf8String("x"));
    ledger.reverts("recipient frozen", BANK, INVOICES, "payInvoice", bytes32(id));
    ledger.ok(CENTRAL_BANK, REGISTRY, "unfreeze", addr(SHOP));
    ledger.ok(BANK, INVOICES, "payInvoice", bytes32(id));
  }

  @Test
  void creditNotesNeverExceedTheOriginalAndCancellingGivesTheNetBack() {
    Hash id = issued("INV-3", ALICE, 10_000, 1_900);
    Hash note = creditNote(id, "CN-1", 6_000, 1_140);
    assertThat(invoice(id).creditedNetAmount()).isEqualTo(6_000);
    assertThat(invoice(note).kind()).isEqualTo(Invoice.KIND_CREDIT_NOTE);
    ledger.reverts(
        "credit exceeds original",
        SHOP,
        INVOICES,
        "issueCreditNote",
        bytes32(id),
        new Utf8String("CN-2"),
        uint(4_001),
        uint(760),
        bytes32(DOC));
    ledger.reverts(
        "tax mismatch",
        SHOP,
        INVOICES,
        "issueCreditNote",
        bytes32(id),
        new Utf8String("CN-2"),
        uint(4_000),
        uint(1),
        bytes32(DOC));
    ledger.reverts(
        "duplicate invoice",
        SHOP,
        INVOICES,
        "issueCreditNote",
        bytes32(id),
        new Utf8String("CN-1"),
        uint(4_000),
        uint(760),
        bytes32(DOC));
    ledger.reverts(
        "not an invoice",
        SHOP,
        INVOICES,
        "issueCreditNote",
        bytes32(note),
        new Utf8String("CN-3"),
        uint(1),
        uint(0),
        bytes32(DOC));
    ledger.reverts("not payable", ALICE, INVOICES, "payInvoice", bytes32(note));
    ledger.reverts(
        "invoice has credit notes",
        SHOP,
        INVOICES,
        "cancelInvoice",
        bytes32(id),
        new Utf8String("x"));
    ledger.reverts(
        "not seller", ALICE, INVOICES, "cancelInvoice", bytes32(note), new Utf8String("x"));
    ledger.reverts(
        "invalid reason", SHOP, INVOICES, "cancelInvoice", bytes32(note), new Utf8String(""));
    ledger.ok(SHOP, INVOICES, "cancelInvoice", bytes32(note), new Utf8String("wrong amount"));
    assertThat(invoice(id).creditedNetAmount()).isZero();
    ledger.ok(SHOP, INVOICES, "cancelInvoice", bytes32(id), new Utf8String("void"));
    ledger.reverts("invoice cancelled", ALICE, INVOICES, "payInvoice", bytes32(id));
    ledger.reverts(
        "invoice cancelled",
        SHOP,
        INVOICES,
        "issueCreditNote",
        bytes32(id),
        new Utf8String("CN-4"),
        uint(1),
        uint(0),
        bytes32(DOC));
  }

  private Hash creditNote(Hash original, String number, long net, long tax) {
    Bytes out =
        ledger.ok(
            SHOP,
            INVOICES,
            "issueCreditNote",
            bytes32(original),
            new Utf8String(number),
            uint(net),
            uint(tax),
            bytes32(DOC));
    return AbiReader.ofTuple(out, 1).bytes32();
  }

  @Test
  void getInvoiceReturnsTheStructAsWeb3jDecodesIt() {
    Hash id = issued("INV-4", ALICE, 10_000, 1_900);
    Bytes encoded = ledger.view(INVOICES, "getInvoice", bytes32(id));
    assertThat(encoded).isEqualTo(InvoiceStore.encode(invoice(id)));
    @SuppressWarnings({"rawtypes", "unchecked"})
    List<TypeReference<Type>> outputs =
        List.of((TypeReference) new TypeReference<InvoiceStruct>() {});
    @SuppressWarnings("rawtypes")
    List<Type> decoded = FunctionReturnDecoder.decode(encoded.toHex(), outputs);
    InvoiceStruct struct = (InvoiceStruct) decoded.getFirst();
    assertThat(struct.getValue()).hasSize(16);
    assertThat(struct.getValue().get(2).getValue()).isEqualTo("DE123456789");
    assertThat(struct.getValue().get(5).getValue()).isEqualTo("INV-4");
    assertThat(struct.getValue().get(7).getValue()).isEqualTo(BigInteger.valueOf(10_000));
    ledger.revertsWith(
        "unknown invoice", ALICE, INVOICES, encode("getInvoice", bytes32(Hash.ZERO)));
  }

  /** Web3j's view of ITaxInvoices.Invoice. */
  public static final class InvoiceStruct extends DynamicStruct {
    public InvoiceStruct(
        Bytes32 id,
        org.web3j.abi.datatypes.Address seller,
        Utf8String sellerTaxId,
        org.web3j.abi.datatypes.Address buyer,
        Utf8String buyerTaxId,
        Utf8String number,
        Uint64 issueDate,
        org.web3j.abi.datatypes.generated.Uint256 netAmount,
        org.web3j.abi.datatypes.generated.Uint256 taxAmount,
        Uint16 taxRateBp,
        Bytes32 documentHash,
        org.web3j.abi.datatypes.generated.Uint8 status,
        org.web3j.abi.datatypes.generated.Uint8 kind,
        Bytes32 originalId,
        org.web3j.abi.datatypes.generated.Uint256 creditedNetAmount,
        Uint64 issuedAtBlock) {
      super(
          id,
          seller,
          sellerTaxId,
          buyer,
          buyerTaxId,
          number,
          issueDate,
          netAmount,
          taxAmount,
          taxRateBp,
          documentHash,
          status,
          kind,
          originalId,
          creditedNetAmount,
          issuedAtBlock);
    }
  }

  @Test
  void recordsAreVersionedPerSubmitterKindAndKey() {
    Hash kind = Hash.fromHex("0x" + "01".repeat(32));
    Hash key = Hash.fromHex("0x" + "02".repeat(32));
    Bytes v1 =
        ledger.ok(
            ALICE,
            RECORDS,
            "record",
            bytes32(kind),
            bytes32(key),
            new DynamicBytes(new byte[] {1, 2}));
    ledger.blockNumber = 9;
    Bytes v2 =
        ledger.ok(
            ALICE, RECORDS, "record", bytes32(kind), bytes32(key), new DynamicBytes(new byte[0]));
    ledger.ok(
        BOB, RECORDS, "record", bytes32(kind), bytes32(key), new DynamicBytes(new byte[] {7}));
    assertThat(word(v1)).isEqualTo(1);
    assertThat(word(v2)).isEqualTo(2);
    AbiReader latest =
        AbiReader.ofTuple(
            ledger.view(RECORDS, "latest", addr(ALICE), bytes32(kind), bytes32(key)), 3);
    assertThat(latest.uint64()).isEqualTo(2);
    assertThat(latest.bytes()).isEqualTo(Bytes.EMPTY);
    assertThat(latest.uint64()).isEqualTo(9);
    AbiReader first =
        AbiReader.ofTuple(
            ledger.view(
                RECORDS,
                "recordAt",
                addr(ALICE),
                bytes32(kind),
                bytes32(key),
                new Uint64(BigInteger.ONE)),
            3);
    assertThat(first.uint64()).isEqualTo(1);
    assertThat(first.bytes()).isEqualTo(Bytes.of((byte) 1, (byte) 2));
    ledger.revertsWith(
        "no record",
        ALICE,
        RECORDS,
        encode(
            "recordAt",
            addr(ALICE),
            bytes32(kind),
            bytes32(key),
            new Uint64(BigInteger.valueOf(3))));
    ledger.revertsWith(
        "no record",
        ALICE,
        RECORDS,
        encode("recordAt", addr(ALICE), bytes32(kind), bytes32(key), new Uint64(BigInteger.ZERO)));
    ledger.reverts(
        "payload too large",
        ALICE,
        RECORDS,
        "record",
        bytes32(kind),
        bytes32(key),
        new DynamicBytes(new byte[4097]));
    ledger.reverts(
        "not registered",
        STRANGER,
        RECORDS,
        "record",
        bytes32(kind),
        bytes32(key),
        new DynamicBytes(new byte[1]));
    assertThat(
            ledger.contracts.gasCost(
                RECORDS,
                encode("record", bytes32(kind), bytes32(key), new DynamicBytes(new byte[4096]))))
        .isEqualTo(106_536);
  }
}
