package io.fiscus.it;

import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint16;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.abi.datatypes.generated.Uint8;

/**
 * The system contracts' functions, ABI-encoded by Web3j's own encoder (not ours), so these tests
 * check that a standard Ethereum client's calls work unchanged.
 */
public final class LedgerCalls {
  public static final String REGISTRY = "0x000000000000000000000000000000000000cb00";
  public static final String TOKEN = "0x000000000000000000000000000000000000cb01";
  public static final String TAX_INVOICES = "0x000000000000000000000000000000000000cb02";
  public static final String LEDGER_RECORDS = "0x000000000000000000000000000000000000cb03";

  private LedgerCalls() {}

  /** A call: the contract it goes to and its ABI-encoded data. */
  public record Call(String to, String data) {}

  private static Call call(String to, String name, Type<?>... args) {
    return new Call(to, FunctionEncoder.encode(new Function(name, List.of(args), List.of())));
  }

  private static Uint256 amount(long minorUnits) {
    return new Uint256(BigInteger.valueOf(minorUnits));
  }

  public static Call mint(String bank, long amount) {
    return call(TOKEN, "mint", new Address(bank), amount(amount));
  }

  public static Call redeem(long amount) {
    return call(TOKEN, "redeem", amount(amount));
  }

  public static Call transfer(String to, long amount) {
    return call(TOKEN, "transfer", new Address(to), amount(amount));
  }

  public static Call transferWithReference(String to, long amount, byte[] reference32) {
    return call(
        TOKEN, "transferWithReference", new Address(to), amount(amount), new Bytes32(reference32));
  }

  public static Call approve(String spender, long amount) {
    return call(TOKEN, "approve", new Address(spender), amount(amount));
  }

  public static Call transferFrom(String from, String to, long amount) {
    return call(TOKEN, "transferFrom", new Address(from), new Address(to), amount(amount));
  }

  public static Call balanceOf(String account) {
    return call(TOKEN, "balanceOf", new Address(account));
  }

  public static Call grantRole(String account, int role) {
    return call(REGISTRY, "grantRole", new Address(account), new Uint8(role));
  }

  public static Call revokeRole(String account, int role) {
    return call(REGISTRY, "revokeRole", new Address(account), new Uint8(role));
  }

  public static Call registerAccount(String account, int tier) {
    return call(REGISTRY, "registerAccount", new Address(account), new Uint8(tier));
  }

  public static Call setTier(String account, int tier) {
    return call(REGISTRY, "setTier", new Address(account), new Uint8(tier));
  }

  public static Call freeze(String account, String reason) {
    return call(REGISTRY, "freeze", new Address(account), new Utf8String(reason));
  }

  public static Call unfreeze(String account) {
    return call(REGISTRY, "unfreeze", new Address(account));
  }

  public static Call setTierLimits(
      int tier, long maxBalance, long maxTransfer, long dailyOutLimit) {
    return call(
        REGISTRY,
        "setTierLimits",
        new Uint8(tier),
        amount(maxBalance),
        amount(maxTransfer),
        amount(dailyOutLimit));
  }

  public static Call registerTaxpayer(String account, String taxId) {
    return call(REGISTRY, "registerTaxpayer", new Address(account), new Utf8String(taxId));
  }

  public static Call issueInvoice(
      String number,
      String buyer,
      long issueDate,
      long net,
      long tax,
      int taxRateBp,
      byte[] documentHash) {
    return call(
        TAX_INVOICES,
        "issueInvoice",
        new Utf8String(number),
        new Address(buyer),
        new Uint64(issueDate),
        amount(net),
        amount(tax),
        new Uint16(taxRateBp),
        new Bytes32(documentHash));
  }

  public static Call payInvoice(byte[] id) {
    return call(TAX_INVOICES, "payInvoice", new Bytes32(id));
  }

  public static Call cancelInvoice(byte[] id, String reason) {
    return call(TAX_INVOICES, "cancelInvoice", new Bytes32(id), new Utf8String(reason));
  }

  public static Call issueCreditNote(
      byte[] originalId, String number, long net, long tax, byte[] documentHash) {
    return call(
        TAX_INVOICES,
        "issueCreditNote",
        new Bytes32(originalId),
        new Utf8String(number),
        amount(net),
        amount(tax),
        new Bytes32(documentHash));
  }

  public static Call record(byte[] kind, byte[] key, byte[] payload) {
    return call(
        LEDGER_RECORDS, "record", new Bytes32(kind), new Bytes32(key), new DynamicBytes(payload));
  }
}
