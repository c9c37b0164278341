package io.fiscus.rpc.access;

/**
 * The audit trail of authorities' looks. The RPC layer calls {@link #record} before it returns an
 * answer that the visibility rules mark as a recorded look; if recording fails the answer is
 * withheld.
 */
public interface AccessLog {
  /**
   * Writes {@code look} durably to the chain and returns once it is final.
   *
   * @throws io.fiscus.rpc.RpcException when the look cannot be recorded (the caller then gets no
   *     answer)
   */
  void record(Look look);
}
