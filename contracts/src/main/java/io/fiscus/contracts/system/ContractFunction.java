package io.fiscus.contracts.system;

import io.fiscus.abi.AbiSignatures;
import io.fiscus.types.Bytes;

/**
 * One function of a system contract: its canonical signature, selector, gas cost on top of the
 * transaction base cost (fixed, plus a data-dependent part only where the README says so) and the
 * Java that runs it.
 */
public record ContractFunction(
    String signature, int selector, long gas, DataGas dataGas, Handler handler) {
  /** Runs a call and returns its ABI-encoded return data, or throws {@link ContractRevert}. */
  @FunctionalInterface
  public interface Handler {
    Bytes handle(Invocation invocation);
  }

  /** The data-dependent part of a function's gas, from its call data; 0 if it does not decode. */
  @FunctionalInterface
  public interface DataGas {
    long of(Bytes callData);
  }

  /** A function whose gas is fixed. */
  public static ContractFunction of(String signature, long gas, Handler handler) {
    return new ContractFunction(
        signature, AbiSignatures.selector(signature), gas, data -> 0, handler);
  }

  /** A function whose gas also depends on its call data. */
  public static ContractFunction of(String signature, long gas, DataGas dataGas, Handler handler) {
    return new ContractFunction(
        signature, AbiSignatures.selector(signature), gas, dataGas, handler);
  }

  /** The gas of a call with {@code callData}, excluding the transaction base cost. */
  public long gasFor(Bytes callData) {
    return gas + dataGas.of(callData);
  }
}
