package io.fiscus.contracts.system;

/**
 * Thrown by a contract function when a check fails; the dispatcher catches it, undoes the call's
 * writes and reports {@link CallOutcome.Reverted}. It never escapes {@code SystemContracts}.
 */
public final class ContractRevert extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final RevertReason reason;

  public ContractRevert(RevertReason reason) {
    // No stack trace: a revert is an expected outcome on the execution hot path.
    super(reason.text(), null, false, false);
    this.reason = reason;
  }

  public RevertReason reason() {
    return reason;
  }

  /** Reverts with {@code reason} unless {@code condition} holds. */
  public static void require(boolean condition, RevertReason reason) {
    if (!condition) {
      throw new ContractRevert(reason);
    }
  }
}
