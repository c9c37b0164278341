package io.fiscus.contracts.system;

import io.fiscus.abi.AbiReader;
import io.fiscus.block.Log;
import io.fiscus.state.StateChanges;
import io.fiscus.types.Bytes;
import java.util.List;

/**
 * One running call: its context, the state it reads and writes, its call data and the logs it has
 * emitted so far.
 */
public record Invocation(CallContext context, StateChanges state, Bytes data, List<Log> logs) {
  /** A strict reader of the call's {@code argumentCount} arguments. */
  public AbiReader arguments(int argumentCount) {
    return AbiReader.ofCall(data, argumentCount);
  }

  public void emit(Log log) {
    logs.add(log);
  }
}
