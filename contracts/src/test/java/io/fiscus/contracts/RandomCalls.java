package io.fiscus.contracts;

import static io.fiscus.contracts.Ledger.*;

import io.fiscus.abi.AbiReader;
import io.fiscus.contracts.system.CallOutcome;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint16;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;

/** Random calls from random actors, for the property and determinism tests. */
final class RandomCalls {
  static final Address CAROL = Ledger.account("carol");
  static final List<Address> ACTORS =
      List.of(CENTRAL_BANK, BANK, TAX_AUTHORITY, ALICE, BOB, SHOP, STRANGER, CAROL);

  enum Kind {
    TRANSFER,
    TRANSFER_WITH_REFERENCE,
    APPROVE,
    TRANSFER_FROM,
    MINT,
    REDEEM,
    GRANT_ROLE,
    REVOKE_ROLE,
    REGISTER_ACCOUNT,
    SET_TIER,
    FREEZE,
    UNFREEZE,
    SET_TIER_LIMITS,
    REGISTER_TAXPAYER,
    ISSUE_INVOICE,
    PAY_INVOICE,
    CANCEL_INVOICE,
    CREDIT_NOTE,
    RECORD,
    NEXT_DAY
  }

  /** One random call; {@code small} picks roles, tiers, numbers and invoices. */
  record Step(
      Kind kind, int actor, int other, int third, long amount, int small, boolean natural) {}

  static Arbitrary<Step> steps() {
    Arbitrary<Long> amounts =
        Arbitraries.frequencyOf(
            Tuple.of(8, Arbitraries.longs().between(1, 60_000)),
            Tuple.of(1, Arbitraries.just(0L)),
            Tuple.of(1, Arbitraries.longs().between(60_000, 10_000_000)),
            Tuple.of(1, Arbitraries.just(Long.MAX_VALUE)));
    Arbitrary<Integer> actor = Arbitraries.integers().between(0, ACTORS.size() - 1);
    return Combinators.combine(
            Arbitraries.of(Kind.class),
            actor,
            actor,
            actor,
            amounts,
            Arbitraries.integers().between(0, 20),
            Arbitraries.integers().between(0, 3).map(i -> i != 0))
        .as(Step::new);
  }

  static Arbitrary<List<Step>> sequences() {
    return steps().list().ofMinSize(1).ofMaxSize(60);
  }

  /** Invoice ids issued so far, in order. */
  final List<Hash> invoices = new ArrayList<>();

  private Address lastCaller;

  /** The caller of the last step run. */
  Address lastCaller() {
    return lastCaller;
  }

  /** Runs one step; returns its outcome, or null for a step that only moves the clock. */
  CallOutcome run(Ledger ledger, Step step) {
    Address from = step.natural() ? naturalCaller(ledger, step) : ACTORS.get(step.actor());
    lastCaller = from;
    Address other = step.natural() ? naturalOther(step) : ACTORS.get(step.other());
    Address third = ACTORS.get(step.third());
    long amount = step.amount();
    int small = step.small();
    CallOutcome outcome =
        switch (step.kind()) {
          case TRANSFER -> ledger.send(from, TOKEN, "transfer", addr(other), uint(amount));
          case TRANSFER_WITH_REFERENCE ->
              ledger.send(
                  from,
                  TOKEN,
                  "transferWithReference",
                  addr(other),
                  uint(amount),
                  bytes32(Hash.ZERO));
          case APPROVE -> ledger.send(from, TOKEN, "approve", addr(other), uint(amount));
          case TRANSFER_FROM ->
              ledger.send(from, TOKEN, "transferFrom", addr(other), addr(third), uint(amount));
          case MINT -> ledger.send(from, TOKEN, "mint", addr(other), uint(amount));
          case REDEEM -> ledger.send(from, TOKEN, "redeem", uint(amount));
          case GRANT_ROLE ->
              ledger.send(from, REGISTRY, "grantRole", addr(other), uint8(1 << (small % 4)));
          case REVOKE_ROLE ->
              ledger.send(from, REGISTRY, "revokeRole", addr(other), uint8(1 << (small % 4)));
          case REGISTER_ACCOUNT ->
              ledger.send(from, REGISTRY, "registerAccount", addr(other), uint8(1 + small % 3));
          case SET_TIER ->
              ledger.send(from, REGISTRY, "setTier", addr(other), uint8(1 + small % 3));
          case FREEZE ->
              ledger.send(from, REGISTRY, "freeze", addr(other), new Utf8String("order"));
          case UNFREEZE -> ledger.send(from, REGISTRY, "unfreeze", addr(other));
          case SET_TIER_LIMITS ->
              ledger.send(
                  from,
                  REGISTRY,
                  "setTierLimits",
                  uint8(1 + small % 3),
                  new Uint256(BigInteger.valueOf(amount).shiftLeft(1)),
                  uint(amount),
                  new Uint256(BigInteger.valueOf(amount).add(BigInteger.valueOf(amount / 2))));
          case REGISTER_TAXPAYER ->
              ledger.send(
                  from, REGISTRY, "registerTaxpayer", addr(other), new Utf8String("T" + small));
          case ISSUE_INVOICE -> issue(ledger, from, other, amount, small);
          case PAY_INVOICE -> ledger.send(from, INVOICES, "payInvoice", bytes32(pick(small)));
          case CANCEL_INVOICE ->
              ledger.send(
                  from, INVOICES, "cancelInvoice", bytes32(pick(small)), new Utf8String("void"));
          case CREDIT_NOTE -> creditNote(ledger, from, amount, small);
          case RECORD ->
              ledger.send(
                  from,
                  RECORDS,
                  "record",
                  bytes32(Hash.ZERO),
                  bytes32(Hash.ZERO),
                  new org.web3j.abi.datatypes.DynamicBytes(new byte[small]));
          case NEXT_DAY -> {
            ledger.timestamp += 86_400;
            yield null;
          }
        };
    ledger.blockNumber++;
    ledger.timestamp += 5;
    return outcome;
  }

  /**
   * The caller a step usually has in real life (the central bank mints, the buyer pays), so that
   * three steps in four get past the role checks and reach the deeper rules.
   */
  Address naturalCaller(Ledger ledger, Step step) {
    return switch (step.kind()) {
      case MINT, FREEZE, UNFREEZE, GRANT_ROLE, REVOKE_ROLE, SET_TIER_LIMITS, SET_TIER ->
          CENTRAL_BANK;
      case REDEEM, REGISTER_ACCOUNT -> BANK;
      case REGISTER_TAXPAYER -> TAX_AUTHORITY;
      case ISSUE_INVOICE, CANCEL_INVOICE, CREDIT_NOTE -> SHOP;
      case PAY_INVOICE ->
          io.fiscus.contracts.invoices.InvoiceStore.invoice(ledger.state, pick(step.small()))
              .map(i -> i.buyer().equals(Address.ZERO) ? BANK : i.buyer())
              .orElse(BANK);
      case TRANSFER_FROM -> ALICE;
      case TRANSFER, TRANSFER_WITH_REFERENCE, APPROVE, RECORD, NEXT_DAY ->
          step.small() % 2 == 0 ? BANK : ACTORS.get(step.actor());
    };
  }

  /** The usual counterpart: banks receive mints, customers get frozen, the bank approves. */
  private static Address naturalOther(Step step) {
    return switch (step.kind()) {
      case MINT, TRANSFER_FROM -> BANK;
      case APPROVE -> ALICE;
      case ISSUE_INVOICE -> List.of(BANK, Address.ZERO, ALICE).get(step.small() % 3);
      case FREEZE, UNFREEZE -> step.small() % 2 == 0 ? ALICE : BOB;
      default -> ACTORS.get(step.other());
    };
  }

  Hash pick(int small) {
    return invoices.isEmpty() ? Hash.ZERO : invoices.get(small % invoices.size());
  }

  private CallOutcome issue(Ledger ledger, Address from, Address buyer, long amount, int small) {
    // Mostly payable amounts: a tier-1 buyer may send at most 200.00 at once.
    long net = amount == Long.MAX_VALUE ? amount : amount % 18_000;
    CallOutcome outcome =
        ledger.send(
            from,
            INVOICES,
            "issueInvoice",
            new Utf8String("N" + small),
            addr(buyer),
            new Uint64(BigInteger.valueOf(1_700_000_000L)),
            uint(net),
            uint(net / 10),
            new Uint16(BigInteger.valueOf(1000)),
            bytes32(Hash.ZERO));
    remember(outcome);
    return outcome;
  }

  private CallOutcome creditNote(Ledger ledger, Address from, long amount, int small) {
    long net = (amount % 18_000) / 4;
    CallOutcome outcome =
        ledger.send(
            from,
            INVOICES,
            "issueCreditNote",
            bytes32(pick(small)),
            new Utf8String("C" + small),
            new Uint256(BigInteger.valueOf(net)),
            uint(net / 10),
            bytes32(Hash.ZERO));
    remember(outcome);
    return outcome;
  }

  private void remember(CallOutcome outcome) {
    if (outcome instanceof CallOutcome.Success success) {
      Bytes data = success.returnData();
      invoices.add(AbiReader.ofTuple(data, 1).bytes32());
    }
  }
}
