package io.fiscus.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.abi.AbiReader;
import io.fiscus.contracts.registry.Roles;
import io.fiscus.contracts.registry.TierLimits;
import io.fiscus.contracts.system.CallContext;
import io.fiscus.contracts.system.CallOutcome;
import io.fiscus.contracts.system.SystemAddresses;
import io.fiscus.contracts.token.TokenStore;
import io.fiscus.crypto.Keccak;
import io.fiscus.state.MemoryState;
import io.fiscus.state.StateChanges;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;

/**
 * A test fake of the chain around the system contracts: one state overlay, a block clock, and calls
 * encoded by Web3j's {@link FunctionEncoder} (so every test also cross-checks our decoder).
 */
final class Ledger {
  static final Address CENTRAL_BANK = account("central bank");
  static final Address BANK = account("bank");
  static final Address TAX_AUTHORITY = account("tax authority");
  static final Address ALICE = account("alice");
  static final Address BOB = account("bob");
  static final Address SHOP = account("shop");
  static final Address STRANGER = account("stranger");

  static final Address REGISTRY = SystemAddresses.REGISTRY;
  static final Address TOKEN = SystemAddresses.TOKEN;
  static final Address INVOICES = SystemAddresses.TAX_INVOICES;
  static final Address RECORDS = SystemAddresses.LEDGER_RECORDS;

  final SystemContracts contracts = new SystemContracts();
  final StateChanges state = new StateChanges(new MemoryState());
  long blockNumber = 1;
  long timestamp = 1_700_000_000L;

  /** Alice and Bob are tier-1 customers of BANK, the shop a tier-3 taxpayer; BANK holds 1M. */
  static Ledger standard() {
    Ledger ledger = new Ledger();
    SystemContracts.initialize(
        ledger.state,
        GenesisAllocation.of(
            "Digital Euro",
            "DEUR",
            Map.of(),
            List.of(
                new GenesisAllocation.Account(CENTRAL_BANK, Roles.CENTRAL_BANK, 3, Address.ZERO),
                new GenesisAllocation.Account(BANK, Roles.BANK, 3, CENTRAL_BANK),
                new GenesisAllocation.Account(TAX_AUTHORITY, Roles.TAX_AUTHORITY, 3, CENTRAL_BANK),
                new GenesisAllocation.Account(ALICE, 0, 1, BANK),
                new GenesisAllocation.Account(BOB, 0, 1, BANK),
                new GenesisAllocation.Account(SHOP, 0, 3, BANK)),
            List.of(new GenesisAllocation.Taxpayer(SHOP, "DE123456789")),
            List.of(new GenesisAllocation.Balance(BANK, 100_000_000L))));
    ledger.state.commitJournal();
    return ledger;
  }

  static Address account(String name) {
    return new Address(
        Keccak.hash(Bytes.wrap(name.getBytes(StandardCharsets.UTF_8))).bytes().slice(12, 32));
  }

  static Bytes encode(String function, Type<?>... arguments) {
    return Bytes.fromHex(
        FunctionEncoder.encode(new Function(function, Arrays.asList(arguments), List.of())));
  }

  static org.web3j.abi.datatypes.Address addr(Address address) {
    return new org.web3j.abi.datatypes.Address(address.toHex());
  }

  static Uint256 uint(long value) {
    return new Uint256(BigInteger.valueOf(value));
  }

  static Uint8 uint8(long value) {
    return new Uint8(BigInteger.valueOf(value));
  }

  static Bytes32 bytes32(io.fiscus.types.Hash hash) {
    return new Bytes32(hash.bytes().toArray());
  }

  CallContext context(Address sender) {
    return new CallContext(sender, blockNumber, timestamp);
  }

  CallOutcome send(Address from, Address to, Bytes data) {
    CallOutcome outcome = contracts.call(context(from), state, to, data);
    state.commitJournal();
    return outcome;
  }

  CallOutcome send(Address from, Address to, String function, Type<?>... arguments) {
    return send(from, to, encode(function, arguments));
  }

  /** Sends a call that must succeed and returns its return data. */
  Bytes ok(Address from, Address to, String function, Type<?>... arguments) {
    CallOutcome outcome = send(from, to, function, arguments);
    assertThat(outcome).isInstanceOf(CallOutcome.Success.class);
    return ((CallOutcome.Success) outcome).returnData();
  }

  /** Sends a call that must revert with {@code reason} and leave the state exactly as it was. */
  void reverts(String reason, Address from, Address to, String function, Type<?>... arguments) {
    revertsWith(reason, from, to, encode(function, arguments));
  }

  void revertsWith(String reason, Address from, Address to, Bytes data) {
    var before = state.sortedStorageWrites();
    CallOutcome outcome = send(from, to, data);
    assertThat(outcome).isInstanceOf(CallOutcome.Reverted.class);
    assertThat(((CallOutcome.Reverted) outcome).reason().text()).isEqualTo(reason);
    assertThat(state.sortedStorageWrites()).isEqualTo(before);
  }

  Bytes view(Address to, String function, Type<?>... arguments) {
    CallOutcome outcome = contracts.view(context(STRANGER), state, to, encode(function, arguments));
    assertThat(outcome).isInstanceOf(CallOutcome.Success.class);
    return ((CallOutcome.Success) outcome).returnData();
  }

  long balance(Address account) {
    return TokenStore.balance(state, account);
  }

  static long word(Bytes returnData) {
    AbiReader reader = AbiReader.ofTuple(returnData, 1);
    return reader.uint64();
  }

  void setLimits(int tier, TierLimits limits) {
    ok(
        CENTRAL_BANK,
        REGISTRY,
        "setTierLimits",
        uint8(tier),
        uint(limits.maxBalance()),
        uint(limits.maxTransfer()),
        uint(limits.dailyOutLimit()));
  }
}
