package io.fiscus.p2p.netty;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.fiscus.types.Bytes;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Jazzer fuzz test of the p2p framing ({@link FrameDecoder}) on a Netty {@link EmbeddedChannel}: a
 * peer's decrypted byte stream, cut into arbitrary chunks, must come out as exactly the frames a
 * plain reading of the format gives, or as those frames followed by one {@link
 * FrameViolationException}, after which nothing more is decoded; never as any other exception. An
 * input is {@code [limit selector, chunking selector, stream…]}: the first byte sets the frame
 * limit, the second whether the peer is authenticated (full frames) and the chunk size. Seeds live
 * in {@code FrameDecoderFuzzTestInputs/}.
 */
class FrameDecoderFuzzTest {

  /**
   * What the stream holds by the format: its whole frames and, maybe, the violation they end in.
   */
  private record Reading(List<Frame> frames, Optional<FrameViolation> violation) {}

  @FuzzTest
  void anyStreamInAnyChunksGivesItsFramesOrOneViolationAndNothingElse(byte[] input) {
    if (input.length < 2) {
      return;
    }
    int frameBytesMax = 1 + 8 * Byte.toUnsignedInt(input[0]);
    boolean authenticated = (input[1] & 0x80) != 0;
    int chunkSize = (input[1] & 0x7f) + 1;
    byte[] stream = Arrays.copyOfRange(input, 2, input.length);
    int limit =
        authenticated
            ? frameBytesMax
            : Math.min(frameBytesMax, FrameDecoder.HANDSHAKE_FRAME_BYTES_MAX);

    FrameDecoder decoder = new FrameDecoder(frameBytesMax);
    if (authenticated) {
      decoder.allowFullFrames();
    }
    EmbeddedChannel channel = new EmbeddedChannel(decoder);
    List<Frame> frames = new ArrayList<>();
    List<FrameViolation> violations = new ArrayList<>();
    for (int at = 0; at < stream.length; at += chunkSize) {
      byte[] chunk = Arrays.copyOfRange(stream, at, Math.min(stream.length, at + chunkSize));
      try {
        channel.writeInbound(Unpooled.wrappedBuffer(chunk));
      } catch (DecoderException e) {
        assertThat(e.getCause()).isInstanceOf(FrameViolationException.class);
        violations.add(((FrameViolationException) e.getCause()).violation());
      }
      drain(channel, frames);
    }
    channel.finishAndReleaseAll();

    Reading expected = read(stream, limit);
    assertThat(frames).isEqualTo(expected.frames());
    assertThat(violations).isEqualTo(expected.violation().stream().toList());
  }

  private static void drain(EmbeddedChannel channel, List<Frame> frames) {
    for (Object decoded = channel.readInbound(); decoded != null; decoded = channel.readInbound()) {
      assertThat(decoded).isInstanceOf(Frame.class);
      frames.add((Frame) decoded);
    }
  }

  /** The format read plainly: 4-byte length ‖ type ‖ payload, length in [1, limit]. */
  private static Reading read(byte[] stream, int limit) {
    ByteBuffer in = ByteBuffer.wrap(stream);
    List<Frame> frames = new ArrayList<>();
    while (in.remaining() >= FrameDecoder.HEADER_BYTES) {
      long length = Integer.toUnsignedLong(in.getInt(in.position()));
      if (length == 0) {
        return new Reading(frames, Optional.of(FrameViolation.MALFORMED_FRAME));
      }
      if (length > limit) {
        return new Reading(frames, Optional.of(FrameViolation.OVERSIZE_FRAME));
      }
      if (in.remaining() < FrameDecoder.HEADER_BYTES + length) {
        break;
      }
      in.position(in.position() + FrameDecoder.HEADER_BYTES);
      int type = Byte.toUnsignedInt(in.get());
      byte[] payload = new byte[(int) length - 1];
      in.get(payload);
      frames.add(new Frame(type, Bytes.wrap(payload)));
    }
    return new Reading(frames, Optional.empty());
  }
}
