package io.fiscus.contracts;

import static io.fiscus.contracts.Ledger.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.fiscus.abi.AbiSignatures;
import io.fiscus.contracts.system.CallContext;
import io.fiscus.contracts.system.CallOutcome;
import io.fiscus.contracts.system.ContractFunction;
import io.fiscus.contracts.system.SystemContract;
import io.fiscus.crypto.Keccak;
import io.fiscus.state.StateChanges;
import io.fiscus.state.StateView;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint16;
import org.web3j.abi.datatypes.generated.Uint64;

/**
 * Jazzer fuzz test of the ABI decoding of every system contract function. An input is {@code
 * [function index, sender index, argument bytes…]}: the index picks one function of the four
 * contracts (in {@link SystemContracts#contracts()} and declaration order), the sender one of
 * {@link RandomCalls#ACTORS}, and the arguments follow the function's selector. Every call must
 * succeed or revert with a reason; a revert leaves the state exactly as it was; the gas charged is
 * the gas {@link SystemContracts#gasCost} quotes; and {@code eth_call}'s {@link
 * SystemContracts#view} comes to the same outcome. Seeds (one valid call of each function) live in
 * {@code ContractCallFuzzTestInputs/}.
 */
class ContractCallFuzzTest {
  /** A function with the address of its contract. */
  private record Target(Address contract, ContractFunction function) {}

  private static final SystemContracts CONTRACTS = new SystemContracts();
  private static final List<Target> TARGETS = targets();
  private static final StateView STATE = populatedLedger().state;

  @FuzzTest
  void everyCallSucceedsOrRevertsWithAReasonAndARevertChangesNothing(byte[] input) {
    if (input.length < 2) {
      return;
    }
    Target target = TARGETS.get(Byte.toUnsignedInt(input[0]) % TARGETS.size());
    Address sender =
        RandomCalls.ACTORS.get(Byte.toUnsignedInt(input[1]) % RandomCalls.ACTORS.size());
    Bytes data =
        AbiSignatures.selectorBytes(target.function().selector())
            .concat(Bytes.wrap(Arrays.copyOfRange(input, 2, input.length)));
    CallContext context = new CallContext(sender, 2, 1_700_000_060L);
    StateChanges state = new StateChanges(STATE);

    CallOutcome outcome = CONTRACTS.call(context, state, target.contract(), data);

    assertThat(outcome.gasUsed()).isEqualTo(CONTRACTS.gasCost(target.contract(), data));
    if (outcome instanceof CallOutcome.Reverted reverted) {
      assertThat(reverted.reason().text()).isNotBlank();
      assertThat(state.sortedStorageWrites()).isEmpty();
      assertThat(state.sortedNonces()).isEmpty();
    }
    assertThat(CONTRACTS.view(context, STATE, target.contract(), data)).isEqualTo(outcome);
  }

  private static List<Target> targets() {
    List<Target> targets = new ArrayList<>();
    for (SystemContract contract : CONTRACTS.contracts()) {
      contract
          .functions()
          .forEach(function -> targets.add(new Target(contract.address(), function)));
    }
    return List.copyOf(targets);
  }

  /**
   * The standard ledger after a few calls, so that the fuzzer meets balances, an allowance, an open
   * invoice and a record: Alice holds 5 000 from the bank, lets Bob spend 1 000 of it, owes the
   * shop invoice INV-1 and has written one record.
   */
  private static Ledger populatedLedger() {
    Ledger ledger = Ledger.standard();
    ledger.ok(BANK, TOKEN, "transfer", addr(ALICE), uint(5_000));
    ledger.ok(ALICE, TOKEN, "approve", addr(BOB), uint(1_000));
    ledger.ok(
        SHOP,
        INVOICES,
        "issueInvoice",
        new Utf8String("INV-1"),
        addr(ALICE),
        new Uint64(BigInteger.valueOf(1_700_000_000L)),
        uint(1_000),
        uint(190),
        new Uint16(BigInteger.valueOf(1_900)),
        bytes32(hashOf("invoice document")));
    ledger.ok(
        ALICE,
        RECORDS,
        "record",
        bytes32(hashOf("kyc")),
        bytes32(hashOf("alice")),
        new DynamicBytes(new byte[] {1, 2}));
    return ledger;
  }

  private static Hash hashOf(String text) {
    return Keccak.hash(Bytes.wrap(text.getBytes(StandardCharsets.UTF_8)));
  }
}
