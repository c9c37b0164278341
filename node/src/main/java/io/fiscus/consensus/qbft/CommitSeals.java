package io.fiscus.consensus.qbft;

import io.fiscus.crypto.Signature;
import io.fiscus.crypto.SignatureRecovery;
import io.fiscus.types.Address;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Besu's commit-seal header rule: every seal recovers, over the block's commit-seal hash, to a
 * distinct member of the validators of the block's height, and there are at least a quorum.
 */
public final class CommitSeals {
  private CommitSeals() {}

  public static Validation validate(
      QbftBlock block, Validators validators, SignatureRecovery recovery) {
    Set<Address> sealers = new HashSet<>();
    for (Signature seal : block.commitSeals()) {
      Optional<Address> sealer =
          seal.isLowS() ? recovery.recoverAddress(block.commitSealHash(), seal) : Optional.empty();
      if (sealer.isEmpty() || !validators.contains(sealer.get())) {
        return Validation.invalid(Reason.SEAL_NOT_FROM_VALIDATOR, "block " + block.height());
      }
      if (!sealers.add(sealer.get())) {
        return Validation.invalid(Reason.DUPLICATE_SEAL, sealer.get().toString());
      }
    }
    return sealers.size() >= validators.quorum()
        ? Validation.valid()
        : Validation.invalid(
            Reason.INSUFFICIENT_SEALS, sealers.size() + " of quorum " + validators.quorum());
  }
}
