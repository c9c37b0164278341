package io.fiscus.client;

import io.fiscus.abi.RevertData;
import io.fiscus.types.Bytes;
import java.util.Optional;

/** Reads the contracts' revert reasons out of the {@code Error(string)} data the node returns. */
public final class RevertReasons {
  private RevertReasons() {}

  /**
   * The reason in ABI-encoded {@code Error(string)} revert data, as in a receipt's {@code
   * revertReason} or an {@code eth_call} error's {@code data}.
   *
   * @param hexData {@code 0x}-prefixed revert data, or null
   * @return the reason, if the data is a well-formed {@code Error(string)}
   */
  public static Optional<String> decode(String hexData) {
    if (hexData == null || !hexData.startsWith("0x") || hexData.length() < 10) {
      return Optional.empty();
    }
    try {
      return RevertData.decode(Bytes.fromHex(hexData));
    } catch (IllegalArgumentException malformedHex) {
      return Optional.empty();
    }
  }
}
