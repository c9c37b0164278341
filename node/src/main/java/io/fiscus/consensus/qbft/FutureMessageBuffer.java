package io.fiscus.consensus.qbft;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Messages for heights above the current one, kept until that height starts (Besu's {@code
 * FutureMessageBuffer}). At most {@code distanceMax} heights ahead and {@code messagesMax} messages
 * in all; when full, the messages of the furthest height are evicted first, since the nearest
 * heights are the ones we will need soonest.
 */
final class FutureMessageBuffer {
  private final int distanceMax;
  private final int messagesMax;
  private final TreeMap<Long, List<QbftMessage>> byHeight = new TreeMap<>();
  private int size;

  FutureMessageBuffer(int distanceMax, int messagesMax) {
    this.distanceMax = distanceMax;
    this.messagesMax = messagesMax;
  }

  /** Buffers {@code message} for a height above {@code currentHeight}; returns why not, if not. */
  Validation add(QbftMessage message, long currentHeight) {
    long height = message.roundId().height();
    if (height - currentHeight > distanceMax) {
      return Validation.invalid(Reason.FUTURE_HEIGHT_TOO_FAR, "height " + height);
    }
    if (messagesMax == 0) {
      return Validation.invalid(Reason.FUTURE_BUFFER_FULL, "buffer disabled");
    }
    if (size >= messagesMax) {
      if (height >= byHeight.lastKey()) {
        return Validation.invalid(Reason.FUTURE_BUFFER_FULL, "height " + height);
      }
      evictOneFromFurthestHeight();
    }
    byHeight.computeIfAbsent(height, h -> new ArrayList<>()).add(message);
    size++;
    return Validation.valid();
  }

  /** Removes and returns the messages for {@code height}, dropping all lower heights. */
  List<QbftMessage> takeFor(long height) {
    while (!byHeight.isEmpty() && byHeight.firstKey() < height) {
      size -= byHeight.pollFirstEntry().getValue().size();
    }
    List<QbftMessage> messages = byHeight.remove(height);
    if (messages == null) {
      return List.of();
    }
    size -= messages.size();
    return messages;
  }

  int size() {
    return size;
  }

  private void evictOneFromFurthestHeight() {
    Map.Entry<Long, List<QbftMessage>> furthest = byHeight.lastEntry();
    List<QbftMessage> messages = furthest.getValue();
    messages.remove(messages.size() - 1);
    if (messages.isEmpty()) {
      byHeight.remove(furthest.getKey());
    }
    size--;
  }
}
