package io.fiscus.consensus.qbft;

/** The four QBFT message kinds with their {@code istanbul/100} wire codes. */
public enum MessageKind {
  PROPOSAL(0x12),
  PREPARE(0x13),
  COMMIT(0x14),
  ROUND_CHANGE(0x15);

  private final int code;

  MessageKind(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
