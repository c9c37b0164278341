package io.fiscus.block;

import io.fiscus.block.BlockCodecException.Reason;
import io.fiscus.rlp.RlpException;
import io.fiscus.rlp.RlpReader;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.function.Function;

/** Shared strict-decoding steps of the block codecs. */
final class Decoding {
  private Decoding() {}

  /**
   * Decodes exactly one item filling {@code input}, turning RLP-level failures into {@link
   * Reason#MALFORMED_RLP} that name {@code what} was being decoded.
   */
  static <T> T whole(Bytes input, String what, Function<RlpReader, T> body) {
    try {
      RlpReader reader = RlpReader.of(input);
      T result = body.apply(reader);
      reader.requireEnd();
      return result;
    } catch (RlpException e) {
      throw new BlockCodecException(Reason.MALFORMED_RLP, what + ": " + e.getMessage());
    }
  }

  /** Enters the next item as a list that must hold exactly {@code count} items. */
  static RlpReader fields(RlpReader reader, int count, String what) {
    byte[] raw = reader.readRaw();
    RlpReader counting = RlpReader.of(raw).enterList();
    int found = 0;
    while (counting.hasNext()) {
      counting.readRaw();
      found++;
    }
    if (found != count) {
      throw new BlockCodecException(
          Reason.WRONG_FIELD_COUNT, what + " has " + found + " items, expected " + count);
    }
    return RlpReader.of(raw).enterList();
  }

  static Bytes fixed(RlpReader reader, int size, String what) {
    byte[] value = reader.readBytes();
    if (value.length != size) {
      throw new BlockCodecException(
          Reason.WRONG_FIELD_SIZE, what + " must be " + size + " bytes, got " + value.length);
    }
    return Bytes.wrap(value);
  }

  static Hash hash(RlpReader reader, String what) {
    return new Hash(fixed(reader, Hash.SIZE, what));
  }

  static Address address(RlpReader reader, String what) {
    return new Address(fixed(reader, Address.SIZE, what));
  }
}
