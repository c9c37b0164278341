package io.fiscus.consensus.driver;

import io.fiscus.block.BlockHeader;
import io.fiscus.chain.ChainReader;
import io.fiscus.consensus.qbft.Validators;
import io.fiscus.consensus.qbft.VoteTally;
import io.fiscus.types.Hash;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The validator vote tally after recent blocks, by block hash. The tally after the head is rebuilt
 * from the chain once ({@link #replay}) and then advanced one committed block at a time.
 * Thread-safe.
 */
public final class VoteTallies {
  private static final int REMEMBERED_MAX = 8;

  private final ChainReader chain;
  private final long epochLength;
  private final LinkedHashMap<Hash, VoteTally> byBlockHash = new LinkedHashMap<>();

  public VoteTallies(ChainReader chain, long epochLength) {
    this.chain = chain;
    this.epochLength = epochLength;
  }

  /**
   * The tally including the chain's head block, replaying the chain if it is not known yet.
   *
   * @return its validators are those of the next height
   */
  public synchronized VoteTally afterHead() {
    ChainBlock head = ChainBlock.ofHeader(chain.headHeader());
    VoteTally known = byBlockHash.get(head.hash());
    if (known != null) {
      return known;
    }
    VoteTally replayed = replay(chain, epochLength);
    remember(head.hash(), replayed);
    return replayed;
  }

  /**
   * The validators of the child of block {@code blockHash}.
   *
   * @throws IllegalStateException if the block is neither the head nor a recent block
   */
  public synchronized Validators validatorsAfter(Hash blockHash) {
    VoteTally known = byBlockHash.get(blockHash);
    if (known != null) {
      return known.validators();
    }
    Hash headHash = ChainBlock.ofHeader(chain.headHeader()).hash();
    if (!headHash.equals(blockHash)) {
      throw new IllegalStateException("no vote tally after block " + blockHash);
    }
    return afterHead().validators();
  }

  /** The tally after {@code block}, a child of the block whose tally is {@code parentTally}. */
  public synchronized VoteTally advance(VoteTally parentTally, ChainBlock block) {
    VoteTally next = parentTally.apply(block, epochLength);
    remember(block.hash(), next);
    return next;
  }

  /** The tally after {@code blockHash} if it is one of the recent blocks. */
  public synchronized Optional<VoteTally> after(Hash blockHash) {
    return Optional.ofNullable(byBlockHash.get(blockHash));
  }

  private void remember(Hash blockHash, VoteTally tally) {
    byBlockHash.put(blockHash, tally);
    while (byBlockHash.size() > REMEMBERED_MAX) {
      Map.Entry<Hash, VoteTally> eldest = byBlockHash.entrySet().iterator().next();
      byBlockHash.remove(eldest.getKey());
    }
  }

  /**
   * Rebuilds the tally after the chain's head: the validators written in the header of the last
   * epoch block (where pending votes were cleared), then the votes of every header since.
   */
  public static VoteTally replay(ChainReader chain, long epochLength) {
    long head = chain.headNumber();
    long epochStart = head - head % epochLength;
    ChainBlock epochBlock = ChainBlock.ofHeader(requireHeader(chain, epochStart));
    VoteTally tally =
        VoteTally.genesis(Validators.of(epochBlock.extraData().validators()))
            .apply(epochBlock, epochLength);
    for (long number = epochStart + 1; number <= head; number++) {
      tally = tally.apply(ChainBlock.ofHeader(requireHeader(chain, number)), epochLength);
    }
    return tally;
  }

  private static BlockHeader requireHeader(ChainReader chain, long number) {
    return chain
        .header(number)
        .orElseThrow(() -> new IllegalStateException("the chain has no header " + number));
  }
}
