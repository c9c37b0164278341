package io.fiscus.contracts;

import io.fiscus.abi.AbiException;
import io.fiscus.abi.AbiSignatures;
import io.fiscus.block.Log;
import io.fiscus.contracts.invoices.TaxInvoices;
import io.fiscus.contracts.records.LedgerRecords;
import io.fiscus.contracts.registry.Registry;
import io.fiscus.contracts.system.CallContext;
import io.fiscus.contracts.system.CallOutcome;
import io.fiscus.contracts.system.ContractFunction;
import io.fiscus.contracts.system.ContractRevert;
import io.fiscus.contracts.system.Invocation;
import io.fiscus.contracts.system.RevertReason;
import io.fiscus.contracts.system.SystemContract;
import io.fiscus.contracts.token.Token;
import io.fiscus.state.StateChanges;
import io.fiscus.state.StateView;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The four system contracts behind one door: dispatch by address and selector, gas, and the
 * all-or-nothing rule (a reverted call leaves no change in state). Stateless and thread-safe; the
 * state is passed in with every call. Maps here are only looked up, never iterated.
 */
public final class SystemContracts {
  /** The base cost of every transaction, whatever it calls. */
  public static final long BASE_GAS = 21_000;

  private final List<SystemContract> contracts =
      List.of(new Registry(), new Token(), new TaxInvoices(), new LedgerRecords());
  private final Map<Address, Map<Integer, ContractFunction>> functions = new HashMap<>();

  public SystemContracts() {
    for (SystemContract contract : contracts) {
      Map<Integer, ContractFunction> bySelector = new HashMap<>();
      for (ContractFunction function : contract.functions()) {
        if (bySelector.put(function.selector(), function) != null) {
          throw new IllegalStateException("selector clash in " + function.signature());
        }
      }
      functions.put(contract.address(), Map.copyOf(bySelector));
    }
  }

  /** The four contracts, in address order. */
  public List<SystemContract> contracts() {
    return contracts;
  }

  /** Writes the genesis allocation into the contracts' storage. */
  public static void initialize(StateChanges state, GenesisAllocation allocation) {
    Genesis.initialize(state, allocation);
  }

  /**
   * Executes a call in a transaction with zero value. On a revert every write of the call is
   * undone; the caller (the executor) bumps the nonce either way.
   */
  public CallOutcome call(CallContext context, StateChanges state, Address to, Bytes data) {
    return call(context, state, to, BigInteger.ZERO, data);
  }

  /** Executes a call in a transaction carrying {@code value}, which must be zero. */
  public CallOutcome call(
      CallContext context, StateChanges state, Address to, BigInteger value, Bytes data) {
    Map<Integer, ContractFunction> contract = functions.get(to);
    if (contract == null) {
      return new CallOutcome.Reverted(RevertReason.NO_CONTRACT, BASE_GAS);
    }
    if (value.signum() != 0) {
      return new CallOutcome.Reverted(RevertReason.VALUE_NOT_ACCEPTED, BASE_GAS);
    }
    ContractFunction function =
        data.size() < 4 ? null : contract.get(AbiSignatures.selectorOf(data));
    if (function == null) {
      return new CallOutcome.Reverted(RevertReason.UNKNOWN_FUNCTION, BASE_GAS);
    }
    long gas = BASE_GAS + function.gasFor(data);
    int checkpoint = state.checkpoint();
    List<Log> logs = new ArrayList<>(2);
    try {
      Bytes returnData = function.handler().handle(new Invocation(context, state, data, logs));
      return new CallOutcome.Success(returnData, logs, gas);
    } catch (ContractRevert revert) {
      state.revertTo(checkpoint);
      return new CallOutcome.Reverted(revert.reason(), gas);
    } catch (AbiException invalid) {
      state.revertTo(checkpoint);
      return new CallOutcome.Reverted(RevertReason.INVALID_ARGUMENTS, gas);
    }
  }

  /** {@code eth_call}: runs the call on a throwaway overlay, so {@code state} never changes. */
  public CallOutcome view(CallContext context, StateView state, Address to, Bytes data) {
    return call(context, new StateChanges(state), to, data);
  }

  /** The gas a call costs, whether it succeeds or reverts ({@code eth_estimateGas}). */
  public long gasCost(Address to, Bytes data) {
    Map<Integer, ContractFunction> contract = functions.get(to);
    if (contract == null || data.size() < 4) {
      return BASE_GAS;
    }
    ContractFunction function = contract.get(AbiSignatures.selectorOf(data));
    return function == null ? BASE_GAS : BASE_GAS + function.gasFor(data);
  }
}
