package io.fiscus.network;

/**
 * The bounds of block sync.
 *
 * @param blocksPerRequest the most blocks asked for in one GET_BLOCKS (at most {@link
 *     NetworkCodec#BLOCKS_MAX})
 * @param requestsInFlightMax the most GET_BLOCKS awaiting an answer at once, over all peers; with
 *     {@code blocksPerRequest} it also bounds the blocks fetched ahead of the import
 * @param requestTimeoutMillis how long a peer has to answer before the range is asked of another
 * @param responseBytesMax the most block bytes this node puts in one BLOCKS answer
 */
public record SyncSettings(
    int blocksPerRequest,
    int requestsInFlightMax,
    long requestTimeoutMillis,
    long responseBytesMax) {
  public SyncSettings {
    if (blocksPerRequest < 1 || blocksPerRequest > NetworkCodec.BLOCKS_MAX) {
      throw new IllegalArgumentException("blocks per request in 1.." + NetworkCodec.BLOCKS_MAX);
    }
    if (requestsInFlightMax < 1 || requestTimeoutMillis < 1 || responseBytesMax < 1) {
      throw new IllegalArgumentException("positive bounds");
    }
  }

  public static SyncSettings defaults() {
    return new SyncSettings(NetworkCodec.BLOCKS_MAX, 4, 5_000, 4L << 20);
  }
}
