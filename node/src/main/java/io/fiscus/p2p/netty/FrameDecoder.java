package io.fiscus.p2p.netty;

import io.fiscus.types.Bytes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Splits the decrypted stream into frames: 4-byte big-endian length of what follows ‖ 1 type byte ‖
 * payload. A length of 0 or above {@code frameBytesMax} is a violation; after one, the rest of the
 * stream is discarded while the connection closes.
 */
final class FrameDecoder extends ByteToMessageDecoder {
  static final int HEADER_BYTES = 4;
  static final int HANDSHAKE_FRAME_BYTES_MAX = 1_024;

  private final int frameBytesMax;
  private int limit;
  private boolean broken;

  FrameDecoder(int frameBytesMax) {
    this.frameBytesMax = frameBytesMax;
    this.limit = Math.min(frameBytesMax, HANDSHAKE_FRAME_BYTES_MAX);
  }

  /** Raises the limit to {@code frameBytesMax}: the peer is authenticated. Event loop only. */
  void allowFullFrames() {
    limit = frameBytesMax;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (broken) {
      in.skipBytes(in.readableBytes());
      return;
    }
    while (in.readableBytes() >= HEADER_BYTES) {
      long length = in.getUnsignedInt(in.readerIndex());
      if (length == 0) {
        throw violation(FrameViolation.MALFORMED_FRAME, "an empty frame");
      }
      if (length > limit) {
        throw violation(FrameViolation.OVERSIZE_FRAME, "a frame of " + length + " bytes");
      }
      if (in.readableBytes() < HEADER_BYTES + length) {
        return;
      }
      in.skipBytes(HEADER_BYTES);
      int type = in.readUnsignedByte();
      byte[] payload = new byte[(int) length - 1];
      in.readBytes(payload);
      out.add(new Frame(type, Bytes.wrap(payload)));
    }
  }

  private FrameViolationException violation(FrameViolation violation, String detail) {
    broken = true;
    return new FrameViolationException(violation, detail);
  }

  /** The wire form of one frame. */
  static ByteBuf encode(ByteBufAllocator allocator, int type, Bytes payload) {
    ByteBuf buffer = allocator.buffer(HEADER_BYTES + 1 + payload.size());
    buffer.writeInt(1 + payload.size());
    buffer.writeByte(type);
    buffer.writeBytes(payload.unsafeArray());
    return buffer;
  }
}
