package io.fiscus.client.finality;

import io.fiscus.block.BlockCodecException;
import io.fiscus.block.BlockHeader;
import io.fiscus.block.QbftBlockHashing;
import io.fiscus.block.QbftExtraData;
import io.fiscus.block.QbftExtraDataCodec;
import io.fiscus.client.finality.FinalityVerificationException.Reason;
import io.fiscus.types.Address;
import io.fiscus.types.Hash;
import java.util.List;
import java.util.Optional;

/**
 * Learns the votes pending at a trust anchor that is not an epoch block, as the node rebuilds its
 * tally: from the epoch block before the anchor (where pending votes were cleared) through the
 * anchor. The anchor's header must be sealed by a quorum of the trusted validators; the headers
 * before it must link to it by their hashes, so it vouches for every one of them and no seal of
 * theirs needs checking.
 */
final class AnchorReplay {
  private AnchorReplay() {}

  /**
   * The chain trusted at {@code height}, the block that {@code validators} seal, with the tally
   * after it.
   *
   * @throws FinalityVerificationException UNTRUSTED_VALIDATORS if the node's chain is not sealed by
   *     {@code validators} at {@code height}, HEADER_CHAIN_BROKEN if its headers do not link
   */
  static FollowedChain resolve(
      long height, List<Address> validators, long epochLength, HeaderSource source) {
    if (height % epochLength == 0) {
      throw new IllegalArgumentException("an epoch block has no pending votes to learn");
    }
    long epochStart = height - height % epochLength;
    ValidatorTally tally = null;
    Optional<Hash> previousHash = Optional.empty();
    BlockHeader anchor = null;
    for (long from = epochStart; from <= height; from += HeaderSource.BATCH_MAX) {
      long to = Math.min(height, from + HeaderSource.BATCH_MAX - 1);
      for (BlockHeader header : source.headers(from, to)) {
        requireLink(header, previousHash);
        QbftExtraData extraData = extraData(header);
        if (header.number() == height) {
          anchor = header;
          requireTallyMatches(tally, validators, height);
        } else if (header.number() == epochStart) {
          tally = ValidatorTally.cleared(extraData.validators());
        } else {
          tally = apply(tally, header, extraData, epochLength);
        }
        previousHash = Optional.of(QbftBlockHashing.blockHash(header));
      }
    }
    SealedHeader sealed = sealedAnchor(anchor, validators);
    ValidatorTally after = apply(tally, anchor, sealed.extraData(), epochLength);
    return FollowedChain.anchor(height, Optional.of(sealed.hash()), validators, after, epochLength);
  }

  private static void requireLink(BlockHeader header, Optional<Hash> previousHash) {
    if (previousHash.isPresent() && !header.parentHash().equals(previousHash.get())) {
      throw new FinalityVerificationException(
          Reason.HEADER_CHAIN_BROKEN,
          "block " + header.number() + " does not link to block " + (header.number() - 1));
    }
  }

  private static QbftExtraData extraData(BlockHeader header) {
    try {
      return QbftExtraDataCodec.decode(header.extraData());
    } catch (BlockCodecException e) {
      throw new FinalityVerificationException(
          Reason.HEADER_CHAIN_BROKEN,
          "block " + header.number() + " has no QBFT extraData: " + e.getMessage(),
          e);
    }
  }

  private static ValidatorTally apply(
      ValidatorTally tally, BlockHeader header, QbftExtraData extraData, long epochLength) {
    try {
      return tally.apply(header.number(), header.coinbase(), extraData.vote(), epochLength);
    } catch (IllegalStateException e) {
      throw new FinalityVerificationException(
          Reason.HEADER_CHAIN_BROKEN, "block " + header.number() + ": " + e.getMessage(), e);
    }
  }

  /** The votes before the anchor must lead to the set the client was told to trust there. */
  private static void requireTallyMatches(
      ValidatorTally tally, List<Address> validators, long height) {
    if (tally != null && !tally.validators().equals(validators)) {
      throw new FinalityVerificationException(
          Reason.UNTRUSTED_VALIDATORS,
          "the votes before block "
              + height
              + " lead to validators "
              + tally.validators()
              + ", not the trusted "
              + validators);
    }
  }

  private static SealedHeader sealedAnchor(BlockHeader anchor, List<Address> validators) {
    try {
      return SealedHeader.check(anchor, validators);
    } catch (FinalityVerificationException e) {
      throw new FinalityVerificationException(
          Reason.UNTRUSTED_VALIDATORS,
          "the node's block "
              + anchor.number()
              + " is not sealed by the trusted validators: "
              + e.getMessage(),
          e);
    }
  }
}
