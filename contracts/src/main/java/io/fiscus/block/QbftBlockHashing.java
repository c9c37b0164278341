package io.fiscus.block;

import io.fiscus.crypto.Keccak;
import io.fiscus.crypto.Signature;
import io.fiscus.crypto.SignatureRecovery;
import io.fiscus.types.Address;
import io.fiscus.types.Hash;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Block hash, commit-seal hash and commit-seal recovery exactly as Besu's QBFT computes them.
 *
 * <ul>
 *   <li>The on-chain block hash is keccak256 of the header RLP with extraData re-encoded as {@code
 *       [vanity, validators, vote, 0, []]}: the same block committed in any round, with any quorum
 *       of seals, has one hash. Genesis (number 0) is hashed with its extraData as is.
 *   <li>The commit-seal hash keeps the round and empties the seals: it is what validators sign, and
 *       the Prepare/Commit digest of a proposal.
 * </ul>
 *
 * Methods that read extraData of a non-genesis header throw {@link BlockCodecException} if it is
 * not QBFT extraData.
 */
public final class QbftBlockHashing {
  private QbftBlockHashing() {}

  /** The on-chain hash of {@code header}: round and seals excluded, except for genesis. */
  public static Hash blockHash(BlockHeader header) {
    if (header.number() == 0) {
      return Keccak.hash(BlockHeaderCodec.encode(header));
    }
    QbftExtraData extraData = QbftExtraDataCodec.decode(header.extraData());
    return hashWith(header, extraData.withRound(0).withCommitSeals(List.of()));
  }

  /** The hash commit seals sign: round kept, seals excluded. */
  public static Hash commitSealHash(BlockHeader header) {
    QbftExtraData extraData = QbftExtraDataCodec.decode(header.extraData());
    return hashWith(header, extraData.withCommitSeals(List.of()));
  }

  /**
   * The digest Prepare and Commit messages carry for a proposed block: the commit-seal hash of its
   * header (which, as proposed, has the proposal round and no seals).
   */
  public static Hash proposalDigest(BlockHeader proposedHeader) {
    return commitSealHash(proposedHeader);
  }

  /** {@code header} with its extraData round set to {@code round}, everything else unchanged. */
  public static BlockHeader withRound(BlockHeader header, int round) {
    QbftExtraData extraData = QbftExtraDataCodec.decode(header.extraData());
    return header.withExtraData(QbftExtraDataCodec.encode(extraData.withRound(round)));
  }

  /**
   * {@code header} with its extraData seals replaced by {@code seals}, everything else unchanged.
   */
  public static BlockHeader withCommitSeals(BlockHeader header, List<Signature> seals) {
    QbftExtraData extraData = QbftExtraDataCodec.decode(header.extraData());
    return header.withExtraData(QbftExtraDataCodec.encode(extraData.withCommitSeals(seals)));
  }

  /**
   * Recovers the address behind each commit seal of {@code header} against its commit-seal hash.
   * Whether the sealers are validators and a quorum is for the caller, who knows the validator set;
   * this only guarantees each seal is low-s, recoverable and from a distinct signer.
   */
  public static SealerRecovery recoverSealers(BlockHeader header, SignatureRecovery recovery) {
    QbftExtraData extraData;
    try {
      extraData = QbftExtraDataCodec.decode(header.extraData());
    } catch (BlockCodecException e) {
      return new SealerRecovery.Rejected(
          SealerRecovery.Reason.MALFORMED_EXTRA_DATA, -1, e.getMessage());
    }
    Hash signedHash = hashWith(header, extraData.withCommitSeals(List.of()));
    List<Address> sealers = new ArrayList<>(extraData.commitSeals().size());
    Set<Address> seen = new HashSet<>();
    for (int index = 0; index < extraData.commitSeals().size(); index++) {
      Signature seal = extraData.commitSeals().get(index);
      if (!seal.isLowS()) {
        return new SealerRecovery.Rejected(
            SealerRecovery.Reason.HIGH_S_SEAL, index, "seal s is above half the curve order");
      }
      Optional<Address> sealer = recovery.recoverAddress(signedHash, seal);
      if (sealer.isEmpty()) {
        return new SealerRecovery.Rejected(
            SealerRecovery.Reason.UNRECOVERABLE_SEAL, index, "no public key matches the seal");
      }
      if (!seen.add(sealer.get())) {
        return new SealerRecovery.Rejected(
            SealerRecovery.Reason.DUPLICATE_SEALER, index, "second seal from " + sealer.get());
      }
      sealers.add(sealer.get());
    }
    return new SealerRecovery.Recovered(sealers);
  }

  private static Hash hashWith(BlockHeader header, QbftExtraData extraData) {
    return Keccak.hash(
        BlockHeaderCodec.encode(header.withExtraData(QbftExtraDataCodec.encode(extraData))));
  }
}
