package io.fiscus.client.finality;

import io.fiscus.block.BlockHeader;
import io.fiscus.client.finality.FinalityVerificationException.Reason;
import io.fiscus.types.Address;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The validator set a client trusts, and how far it has followed it. Trust starts at an anchor: the
 * genesis file ({@link #fromGenesis}), or a height and its validators the client verified before
 * ({@link #at}). From there the set is followed through the validators' header votes exactly as the
 * node follows it (QBFT block-header voting with Besu's rules: a majority of the validators adds or
 * drops one; an epoch block clears pending votes), one sealed header at a time, so a client never
 * has to take a node's word for who the validators are.
 *
 * <p>The followed height is kept: each verification walks only the headers it has not seen yet.
 * Share one instance between verifiers of the same chain. Thread-safe; a walk holds the instance's
 * lock, so concurrent verifications that need the same headers wait for one walk instead of
 * fetching them twice.
 *
 * <p>To resume after a restart without walking from genesis again, save {@link #trustedHeight()}
 * and {@link #trustedValidators()} and start with {@link #at(long, Collection, long)}.
 */
public final class TrustedValidators {
  /** The epoch length a QBFT genesis gets when it names none ({@code config.qbft.epochlength}). */
  public static final long DEFAULT_EPOCH_LENGTH = 30_000;

  private final long anchorHeight;
  private final List<Address> anchorValidators;
  private final long epochLength;

  /** Null until the anchor's pending votes are learnt (an anchor that is not an epoch block). */
  private FollowedChain followed;

  private TrustedValidators(
      long anchorHeight, List<Address> anchorValidators, long epochLength, FollowedChain followed) {
    this.anchorHeight = anchorHeight;
    this.anchorValidators = anchorValidators;
    this.epochLength = epochLength;
    this.followed = followed;
  }

  /**
   * Trusts the validators of a genesis file: those listed in its {@code extraData}, with the epoch
   * length of its {@code config.qbft} section.
   *
   * @param genesisJson the network's {@code genesis.json}, obtained out of band
   * @return trust anchored at block 0
   * @throws InvalidGenesisException if the file cannot be read or is not a QBFT genesis
   */
  public static TrustedValidators fromGenesis(Path genesisJson) {
    GenesisTrust genesis = GenesisTrust.read(genesisJson);
    return at(genesis.validators(), 0, genesis.epochLength());
  }

  /**
   * Trusts {@code addresses} as the validators of block {@code height}, on a chain with the default
   * epoch length.
   *
   * @param height the block whose validators these are
   * @param addresses the validators, {@code 0x} hex, in any order
   * @return trust anchored at block {@code height}
   * @see #at(long, Collection, long)
   */
  public static TrustedValidators at(long height, Collection<String> addresses) {
    return at(height, addresses, DEFAULT_EPOCH_LENGTH);
  }

  /**
   * Trusts {@code addresses} as the validators of block {@code height} (the set that sealed it), on
   * a chain whose epoch length is {@code epochLength}. If {@code height} is not a multiple of the
   * epoch length, the first verification learns the votes pending at it by fetching the headers
   * back to the epoch block before it (at most {@code epochLength} headers, linked by their hashes
   * to block {@code height}, which must be sealed by a quorum of {@code addresses}).
   *
   * @param height the block whose validators these are
   * @param addresses the validators, {@code 0x} hex, in any order
   * @param epochLength the chain's {@code config.qbft.epochlength}
   * @return trust anchored at block {@code height}
   * @throws IllegalArgumentException if the height is negative, an address is not 20 bytes of hex,
   *     the set is empty or names one validator twice, or the epoch length is not positive
   */
  public static TrustedValidators at(long height, Collection<String> addresses, long epochLength) {
    if (height < 0) {
      throw new IllegalArgumentException("height must not be negative: " + height);
    }
    TreeSet<Address> validators = new TreeSet<>();
    for (String address : addresses) {
      if (!validators.add(Address.fromHex(address))) {
        throw new IllegalArgumentException("validator " + address + " is listed twice");
      }
    }
    return at(List.copyOf(validators), height, epochLength);
  }

  private static TrustedValidators at(List<Address> validators, long height, long epochLength) {
    if (validators.isEmpty()) {
      throw new IllegalArgumentException("a validator set is never empty");
    }
    if (epochLength < 1) {
      throw new IllegalArgumentException("epoch length must be positive: " + epochLength);
    }
    List<Address> sorted = List.copyOf(new TreeSet<>(validators));
    FollowedChain followed = null;
    if (height % epochLength == 0) {
      // An epoch block clears pending votes and its own vote counts for nothing.
      followed =
          FollowedChain.anchor(
              height, Optional.empty(), sorted, ValidatorTally.cleared(sorted), epochLength);
    }
    return new TrustedValidators(height, sorted, epochLength, followed);
  }

  /**
   * Blocks whose number is a multiple of this clear the pending votes.
   *
   * @return the chain's epoch length
   */
  public long epochLength() {
    return epochLength;
  }

  /**
   * The last block whose validators the client has verified.
   *
   * @return the anchor's height until a verification walks on, then the last block followed
   */
  public synchronized long trustedHeight() {
    return followed == null ? anchorHeight : followed.height();
  }

  /**
   * The validators of block {@link #trustedHeight()}.
   *
   * @return their addresses, sorted, as lower-case hex
   */
  public synchronized List<String> trustedValidators() {
    List<Address> validators =
        followed == null
            ? anchorValidators
            : followed.validatorsOf(followed.height()).orElseThrow();
    return hex(validators);
  }

  /**
   * Checks that {@code header} is sealed by a quorum of the validators the client trusts at its
   * height, first following the chain up to it through {@code source} if it is beyond the trusted
   * height; the chain stays followed up to {@code header}.
   *
   * @throws FinalityVerificationException why it is not
   */
  synchronized SealedHeader verify(BlockHeader header, HeaderSource source) {
    long number = header.number();
    if (number < anchorHeight) {
      throw new FinalityVerificationException(
          Reason.BEFORE_TRUSTED_HEIGHT,
          "block " + number + " is before the trusted height " + anchorHeight);
    }
    if (followed == null) {
      followed = AnchorReplay.resolve(anchorHeight, anchorValidators, epochLength, source);
    }
    if (number <= followed.height()) {
      return verifyKnown(header);
    }
    walkTo(number - 1, source);
    FollowedChain.Step step = followed.next(header);
    followed = step.after();
    return step.sealed();
  }

  /** A block at or below the followed height: its validators are known. */
  private SealedHeader verifyKnown(BlockHeader header) {
    List<Address> validators = followed.validatorsOf(header.number()).orElseThrow();
    SealedHeader sealed = SealedHeader.check(header, validators);
    if (header.number() == followed.height()
        && followed.hash().isPresent()
        && !followed.hash().get().equals(sealed.hash())) {
      throw new FinalityVerificationException(
          Reason.HEADER_CHAIN_BROKEN,
          "block "
              + header.number()
              + " is "
              + sealed.hash()
              + ", but the client followed "
              + followed.hash().get());
    }
    return sealed;
  }

  /** Follows the chain to block {@code target}, keeping each verified batch even if one fails. */
  private void walkTo(long target, HeaderSource source) {
    while (followed.height() < target) {
      long from = followed.height() + 1;
      long to = Math.min(target, from + HeaderSource.BATCH_MAX - 1);
      FollowedChain chain = followed;
      try {
        for (BlockHeader header : source.headers(from, to)) {
          chain = chain.next(header).after();
        }
      } catch (FinalityVerificationException e) {
        throw e.reason() == Reason.HEADER_CHAIN_BROKEN
            ? e
            : new FinalityVerificationException(
                Reason.HEADER_CHAIN_BROKEN,
                "following the validators from block " + from + ": " + e.getMessage(),
                e);
      } finally {
        followed = chain;
      }
    }
  }

  private static List<String> hex(List<Address> addresses) {
    return addresses.stream().map(Address::toHex).toList();
  }

  @Override
  public synchronized String toString() {
    return "TrustedValidators[height "
        + trustedHeight()
        + ", validators "
        + trustedValidators()
        + ", epoch "
        + epochLength
        + "]";
  }
}
