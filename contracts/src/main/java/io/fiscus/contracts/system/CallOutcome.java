package io.fiscus.contracts.system;

import io.fiscus.abi.RevertData;
import io.fiscus.block.Log;
import io.fiscus.types.Bytes;
import java.util.List;

/** The result of a system contract call and the gas it used. */
public sealed interface CallOutcome {
  long gasUsed();

  /** The call ran: its ABI-encoded return data and the logs it emitted, in order. */
  record Success(Bytes returnData, List<Log> logs, long gasUsed) implements CallOutcome {
    public Success {
      logs = List.copyOf(logs);
    }
  }

  /** The call failed a check and changed nothing; the receipt gets status 0 and no logs. */
  record Reverted(RevertReason reason, long gasUsed) implements CallOutcome {
    /** The {@code Error(string)} revert data that {@code eth_call} returns. */
    public Bytes revertData() {
      return RevertData.encode(reason.text());
    }
  }
}
