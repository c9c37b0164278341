package io.fiscus.consensus.driver;

import io.fiscus.block.Block;
import io.fiscus.block.BlockCodecException;
import io.fiscus.block.BlockHeader;
import io.fiscus.block.QbftBlockHashing;
import io.fiscus.block.QbftExtraData;
import io.fiscus.block.QbftExtraDataCodec;
import io.fiscus.consensus.qbft.QbftBlock;
import io.fiscus.consensus.qbft.Vote;
import io.fiscus.crypto.Signature;
import io.fiscus.types.Address;
import io.fiscus.types.Hash;
import java.util.List;
import java.util.Optional;

/**
 * The consensus core's view of a real block: round, vote and seals come from the QBFT extraData of
 * the header, the proposer is the coinbase, and both hashes follow {@link QbftBlockHashing}.
 * Immutable; equal when the blocks are equal.
 */
public final class ChainBlock implements QbftBlock {
  private final Block block;
  private final QbftExtraData extraData;
  private final Hash hash;

  private ChainBlock(Block block, QbftExtraData extraData, Hash hash) {
    this.block = block;
    this.extraData = extraData;
    this.hash = hash;
  }

  /**
   * Wraps {@code block}.
   *
   * @throws BlockCodecException if its extraData is not QBFT extraData
   */
  public static ChainBlock of(Block block) {
    QbftExtraData extraData = QbftExtraDataCodec.decode(block.header().extraData());
    return new ChainBlock(block, extraData, QbftBlockHashing.blockHash(block.header()));
  }

  /**
   * A header without its body: enough for hashes, votes and validators (vote replay), not for
   * import.
   */
  public static ChainBlock ofHeader(BlockHeader header) {
    return of(new Block(header, List.of()));
  }

  public Block block() {
    return block;
  }

  public BlockHeader header() {
    return block.header();
  }

  public QbftExtraData extraData() {
    return extraData;
  }

  @Override
  public long height() {
    return block.header().number();
  }

  @Override
  public int round() {
    return extraData.round();
  }

  @Override
  public Address proposer() {
    return block.header().coinbase();
  }

  @Override
  public long timestampSeconds() {
    return block.header().timestamp();
  }

  @Override
  public Optional<Vote> vote() {
    return extraData.vote().map(ChainBlock::toCoreVote);
  }

  @Override
  public List<Signature> commitSeals() {
    return extraData.commitSeals();
  }

  @Override
  public Hash hash() {
    return hash;
  }

  @Override
  public Hash commitSealHash() {
    return QbftBlockHashing.commitSealHash(block.header());
  }

  @Override
  public ChainBlock withRound(int round) {
    BlockHeader header =
        block
            .header()
            .withExtraData(
                QbftExtraDataCodec.encode(extraData.withRound(round).withCommitSeals(List.of())));
    return new ChainBlock(
        new Block(header, block.transactions()),
        extraData.withRound(round).withCommitSeals(List.of()),
        hash);
  }

  @Override
  public ChainBlock withCommitSeals(List<Signature> seals) {
    QbftExtraData sealed = extraData.withCommitSeals(seals);
    BlockHeader header = block.header().withExtraData(QbftExtraDataCodec.encode(sealed));
    return new ChainBlock(new Block(header, block.transactions()), sealed, hash);
  }

  /** The core's vote for a header vote. */
  public static Vote toCoreVote(io.fiscus.block.Vote vote) {
    return new Vote(vote.recipient(), vote.add() ? Vote.Kind.ADD : Vote.Kind.DROP);
  }

  /** The header vote for a core vote. */
  public static io.fiscus.block.Vote toHeaderVote(Vote vote) {
    return new io.fiscus.block.Vote(vote.subject(), vote.kind() == Vote.Kind.ADD);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ChainBlock that && block.equals(that.block);
  }

  @Override
  public int hashCode() {
    return block.hashCode();
  }

  @Override
  public String toString() {
    return "ChainBlock[" + height() + ", round " + round() + ", " + hash + "]";
  }
}
