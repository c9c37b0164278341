package io.fiscus.client.finality;

import io.fiscus.block.BlockCodecException;
import io.fiscus.block.BlockHeader;
import io.fiscus.block.QbftBlockHashing;
import io.fiscus.block.QbftExtraData;
import io.fiscus.block.QbftExtraDataCodec;
import io.fiscus.block.SealerRecovery;
import io.fiscus.client.finality.FinalityVerificationException.Reason;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.types.Address;
import io.fiscus.types.Hash;
import java.util.Collections;
import java.util.List;

/**
 * A header whose QBFT commit seals have been checked against the validator set the client trusts at
 * its height, as the node's commit-seal rule checks them: its extraData lists exactly that set
 * (sorted), every seal recovers over the commit-seal hash to a distinct member, and there are at
 * least a quorum of them.
 *
 * @param header the header, seals included
 * @param hash its on-chain hash (round and seals excluded)
 * @param extraData its decoded QBFT extraData
 * @param sealers the validators whose seals it carries, in seal order
 */
record SealedHeader(BlockHeader header, Hash hash, QbftExtraData extraData, List<Address> sealers) {

  SealedHeader {
    sealers = List.copyOf(sealers);
  }

  /** The quorum of the header's validator set. */
  int quorum() {
    return ValidatorTally.quorum(extraData.validators().size());
  }

  /**
   * Checks {@code header} against {@code validators}, the sorted set the client trusts at its
   * height.
   *
   * @throws FinalityVerificationException MALFORMED, UNTRUSTED_VALIDATORS, BAD_SEAL or NO_QUORUM
   */
  static SealedHeader check(BlockHeader header, List<Address> validators) {
    QbftExtraData extraData;
    Hash hash;
    try {
      extraData = QbftExtraDataCodec.decode(header.extraData());
      hash = QbftBlockHashing.blockHash(header);
    } catch (BlockCodecException e) {
      throw new FinalityVerificationException(
          Reason.MALFORMED, "block " + header.number() + ": " + e.getMessage(), e);
    }
    if (!extraData.validators().equals(validators)) {
      throw new FinalityVerificationException(
          Reason.UNTRUSTED_VALIDATORS,
          "block "
              + header.number()
              + " lists validators "
              + extraData.validators()
              + ", the client trusts "
              + validators);
    }
    List<Address> sealers = recoverSealers(header);
    for (Address sealer : sealers) {
      if (Collections.binarySearch(validators, sealer) < 0) {
        throw new FinalityVerificationException(
            Reason.BAD_SEAL,
            "block " + header.number() + " carries a seal from " + sealer + ", not a validator");
      }
    }
    int quorum = ValidatorTally.quorum(validators.size());
    if (sealers.size() < quorum) {
      throw new FinalityVerificationException(
          Reason.NO_QUORUM,
          "block "
              + header.number()
              + " carries "
              + sealers.size()
              + " seals of "
              + validators.size()
              + " validators, quorum "
              + quorum);
    }
    return new SealedHeader(header, hash, extraData, sealers);
  }

  private static List<Address> recoverSealers(BlockHeader header) {
    SealerRecovery recovery = QbftBlockHashing.recoverSealers(header, Secp256k1.recovery());
    return switch (recovery) {
      case SealerRecovery.Recovered recovered -> recovered.sealers();
      case SealerRecovery.Rejected rejected ->
          throw new FinalityVerificationException(
              Reason.BAD_SEAL,
              "block "
                  + header.number()
                  + ", seal "
                  + rejected.sealIndex()
                  + ": "
                  + rejected.reason()
                  + " ("
                  + rejected.detail()
                  + ")");
    };
  }
}
