package io.fiscus.client.finality;

import io.fiscus.block.BlockHeader;
import io.fiscus.client.finality.FinalityVerificationException.Reason;
import io.fiscus.types.Address;
import io.fiscus.types.Hash;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the client has verified of the chain so far: every block up to {@code height} is sealed by a
 * quorum of the validators it trusted at that block, so it knows the tally after {@code height}
 * (the validators of the next block, and the pending votes), the hash of block {@code height} when
 * it has seen it, and the validator set of every block since its trust anchor. Immutable.
 *
 * @param height the last block the tally includes
 * @param hash the hash of block {@code height}, empty for an anchor taken on trust without its
 *     header (the genesis file, or an epoch block)
 * @param tally the tally after block {@code height}
 * @param validatorsFrom the validator set of each block from the anchor on, keyed by the first
 *     block that has it
 * @param epochLength blocks whose number is a multiple of this clear the pending votes
 */
record FollowedChain(
    long height,
    Optional<Hash> hash,
    ValidatorTally tally,
    NavigableMap<Long, List<Address>> validatorsFrom,
    long epochLength) {

  FollowedChain {
    validatorsFrom = Collections.unmodifiableNavigableMap(new TreeMap<>(validatorsFrom));
  }

  /** A block that extends the chain, and the chain it extends it to. */
  record Step(SealedHeader sealed, FollowedChain after) {}

  /**
   * A chain trusted at {@code height}, whose block has {@code validators} and after which the tally
   * is {@code tallyAfter}.
   */
  static FollowedChain anchor(
      long height,
      Optional<Hash> hash,
      List<Address> validators,
      ValidatorTally tallyAfter,
      long epochLength) {
    NavigableMap<Long, List<Address>> sets = new TreeMap<>();
    sets.put(height, List.copyOf(validators));
    if (!tallyAfter.validators().equals(validators)) {
      sets.put(height + 1, tallyAfter.validators());
    }
    return new FollowedChain(height, hash, tallyAfter, sets, epochLength);
  }

  /** The first block this chain knows the validators of. */
  long anchorHeight() {
    return validatorsFrom.firstKey();
  }

  /**
   * The validators of block {@code number}, known from the anchor up to the block after {@code
   * height}.
   */
  Optional<List<Address>> validatorsOf(long number) {
    if (number < anchorHeight() || number > height + 1) {
      return Optional.empty();
    }
    return Optional.of(validatorsFrom.floorEntry(number).getValue());
  }

  /**
   * Checks {@code header} as the next block: its number follows, its parent is the block at {@code
   * height} (when that hash is known), it is sealed by a quorum of the tally's validators; then
   * applies its vote.
   *
   * @throws FinalityVerificationException HEADER_CHAIN_BROKEN if it does not follow, or what {@link
   *     SealedHeader#check} finds wrong with its seals
   */
  Step next(BlockHeader header) {
    if (header.number() != height + 1) {
      throw new FinalityVerificationException(
          Reason.HEADER_CHAIN_BROKEN,
          "expected block " + (height + 1) + ", got block " + header.number());
    }
    if (hash.isPresent() && !header.parentHash().equals(hash.get())) {
      throw new FinalityVerificationException(
          Reason.HEADER_CHAIN_BROKEN,
          "block "
              + header.number()
              + " has parent "
              + header.parentHash()
              + ", but the trusted block "
              + height
              + " is "
              + hash.get());
    }
    SealedHeader sealed = SealedHeader.check(header, tally.validators());
    ValidatorTally after;
    try {
      after =
          tally.apply(header.number(), header.coinbase(), sealed.extraData().vote(), epochLength);
    } catch (IllegalStateException e) {
      throw new FinalityVerificationException(
          Reason.HEADER_CHAIN_BROKEN, "block " + header.number() + ": " + e.getMessage(), e);
    }
    NavigableMap<Long, List<Address>> sets = validatorsFrom;
    if (!after.validators().equals(tally.validators())) {
      sets = new TreeMap<>(validatorsFrom);
      sets.put(header.number() + 1, after.validators());
    }
    return new Step(
        sealed,
        new FollowedChain(header.number(), Optional.of(sealed.hash()), after, sets, epochLength));
  }
}
