package io.fiscus.abi;

import io.fiscus.types.Bytes;
import java.util.Optional;

/** Solidity's {@code Error(string)} revert data: selector {@code 0x08c379a0} and an ABI string. */
public final class RevertData {
  /** {@code keccak256("Error(string)")[0:4]}. */
  public static final int ERROR_SELECTOR = 0x08c379a0;

  private static final Bytes SELECTOR_BYTES = AbiSignatures.selectorBytes(ERROR_SELECTOR);

  private RevertData() {}

  public static Bytes encode(String reason) {
    return SELECTOR_BYTES.concat(new AbiWriter(1).string(reason).toBytes());
  }

  /** The reason in revert data, if it is a canonical {@code Error(string)}. */
  public static Optional<String> decode(Bytes revertData) {
    try {
      if (AbiSignatures.selectorOf(revertData) != ERROR_SELECTOR) {
        return Optional.empty();
      }
      AbiReader reader = AbiReader.ofCall(revertData, 1);
      String reason = reader.string();
      reader.end();
      return Optional.of(reason);
    } catch (AbiException e) {
      return Optional.empty();
    }
  }
}
