package io.fiscus.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fiscus.crypto.Keccak;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.crypto.Signature;
import io.fiscus.crypto.SignatureRecovery;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class QbftBlockHashingTest {
  private static final SignatureRecovery RECOVERY = Secp256k1.recovery();
  private static final List<PrivateKey> KEYS =
      IntStream.rangeClosed(1, 4)
          .mapToObj(i -> new PrivateKey(BigInteger.valueOf(1_000_003L * i)))
          .toList();
  private static final List<Address> SIGNERS = KEYS.stream().map(Secp256k1::address).toList();

  /** Block 7 as proposed in round 2: validators, an add vote, no seals yet. */
  private static BlockHeader proposal() {
    QbftExtraData extra =
        new QbftExtraData(
            QbftExtraData.ZERO_VANITY,
            SIGNERS.stream().sorted().toList(),
            Optional.of(Vote.toAdd(BlockArbitraries.fourAddresses().get(0))),
            2,
            List.of());
    return BlockHeaderCodecTest.sampleHeader().withExtraData(QbftExtraDataCodec.encode(extra));
  }

  private static List<Signature> sealsOf(BlockHeader header, List<PrivateKey> keys) {
    Hash signed = QbftBlockHashing.commitSealHash(header);
    return keys.stream().map(key -> Secp256k1.signer().sign(signed, key)).toList();
  }

  @Provide
  Arbitrary<List<Signature>> sealLists() {
    return BlockArbitraries.seals().list().ofMaxSize(4);
  }

  @Property(tries = 50)
  void theBlockHashIsTheSameWhateverTheRoundAndSeals(
      @ForAll @IntRange(min = 0, max = 1000) int round,
      @ForAll("sealLists") List<Signature> seals) {
    BlockHeader committed =
        QbftBlockHashing.withCommitSeals(QbftBlockHashing.withRound(proposal(), round), seals);
    assertThat(QbftBlockHashing.blockHash(committed))
        .isEqualTo(QbftBlockHashing.blockHash(proposal()));
  }

  @Test
  void theBlockHashIsKeccakOfTheHeaderWithRoundZeroAndNoSeals() {
    BlockHeader sealed = QbftBlockHashing.withCommitSeals(proposal(), sealsOf(proposal(), KEYS));
    QbftExtraData extra = QbftExtraDataCodec.decode(sealed.extraData());
    BlockHeader stripped =
        sealed.withExtraData(
            QbftExtraDataCodec.encode(extra.withRound(0).withCommitSeals(List.of())));

    Hash expected = Keccak.hash(BlockHeaderCodec.encode(stripped));

    assertThat(QbftBlockHashing.blockHash(sealed)).isEqualTo(expected);
    assertThat(QbftBlockHashing.blockHash(sealed))
        .isNotEqualTo(Keccak.hash(BlockHeaderCodec.encode(sealed)));
  }

  @Test
  void theCommitSealHashDependsOnTheRoundButNotOnTheSeals() {
    BlockHeader roundTwo = proposal();
    BlockHeader roundThree = QbftBlockHashing.withRound(roundTwo, 3);
    BlockHeader sealed = QbftBlockHashing.withCommitSeals(roundTwo, sealsOf(roundTwo, KEYS));

    assertThat(QbftBlockHashing.commitSealHash(roundThree))
        .isNotEqualTo(QbftBlockHashing.commitSealHash(roundTwo));
    assertThat(QbftBlockHashing.commitSealHash(sealed))
        .isEqualTo(QbftBlockHashing.commitSealHash(roundTwo));
    assertThat(QbftBlockHashing.commitSealHash(roundTwo))
        .isEqualTo(Keccak.hash(BlockHeaderCodec.encode(roundTwo)));
    assertThat(QbftBlockHashing.commitSealHash(roundTwo))
        .isNotEqualTo(QbftBlockHashing.blockHash(roundTwo));
  }

  @Test
  void theProposalDigestIsTheCommitSealHashOfTheProposedHeader() {
    assertThat(QbftBlockHashing.proposalDigest(proposal()))
        .isEqualTo(QbftBlockHashing.commitSealHash(proposal()));
  }

  @Test
  void genesisIsHashedWithItsExtraDataUnchanged() {
    BlockHeader genesisLike =
        new BlockHeader(
            Hash.ZERO,
            Hash.EMPTY_LIST,
            Address.ZERO,
            Hash.EMPTY_TRIE,
            Hash.EMPTY_TRIE,
            Hash.EMPTY_TRIE,
            LogsBloom.EMPTY,
            1,
            0,
            30_000_000,
            0,
            1_700_000_000,
            QbftBlockHashing.withRound(proposal(), 5).extraData(),
            BlockHeader.BFT_MIX_HASH,
            BlockHeader.ZERO_NONCE,
            0);
    BlockHeader blockOne = withNumber(genesisLike, 1);

    assertThat(QbftBlockHashing.blockHash(genesisLike))
        .isEqualTo(Keccak.hash(BlockHeaderCodec.encode(genesisLike)));
    assertThat(QbftBlockHashing.blockHash(blockOne))
        .isNotEqualTo(Keccak.hash(BlockHeaderCodec.encode(blockOne)));
  }

  @Test
  void genesisNeedNotCarryQbftExtraDataButLaterBlocksMust() {
    BlockHeader genesis = withNumber(proposal(), 0).withExtraData(Bytes.fromHex("0x1234"));
    assertThat(QbftBlockHashing.blockHash(genesis))
        .isEqualTo(Keccak.hash(BlockHeaderCodec.encode(genesis)));
    assertThatThrownBy(() -> QbftBlockHashing.blockHash(withNumber(genesis, 1)))
        .isInstanceOf(BlockCodecException.class);
  }

  @Test
  void sealsSignedOverTheCommitSealHashRecoverToTheirSigners() {
    BlockHeader sealed = QbftBlockHashing.withCommitSeals(proposal(), sealsOf(proposal(), KEYS));

    SealerRecovery result = QbftBlockHashing.recoverSealers(sealed, RECOVERY);

    assertThat(result).isEqualTo(new SealerRecovery.Recovered(SIGNERS));
    assertThat(QbftBlockHashing.recoverSealers(sealed, Secp256k1.portable())).isEqualTo(result);
  }

  @Test
  void aHeaderWithoutSealsHasNoSealers() {
    assertThat(QbftBlockHashing.recoverSealers(proposal(), RECOVERY))
        .isEqualTo(new SealerRecovery.Recovered(List.of()));
  }

  @Test
  void aDuplicateSealIsReportedAtItsIndex() {
    List<Signature> seals = new ArrayList<>(sealsOf(proposal(), KEYS.subList(0, 3)));
    seals.add(seals.get(1));
    BlockHeader sealed = QbftBlockHashing.withCommitSeals(proposal(), seals);

    assertThat(QbftBlockHashing.recoverSealers(sealed, RECOVERY))
        .isInstanceOfSatisfying(
            SealerRecovery.Rejected.class,
            rejected -> {
              assertThat(rejected.reason()).isEqualTo(SealerRecovery.Reason.DUPLICATE_SEALER);
              assertThat(rejected.sealIndex()).isEqualTo(3);
            });
  }

  @Test
  void aTamperedHeaderDoesNotRecoverToTheSigners() {
    BlockHeader sealed = QbftBlockHashing.withCommitSeals(proposal(), sealsOf(proposal(), KEYS));
    BlockHeader tampered =
        new BlockHeader(
            sealed.parentHash(),
            sealed.ommersHash(),
            sealed.coinbase(),
            sealed.stateRoot(),
            sealed.transactionsRoot(),
            sealed.receiptsRoot(),
            sealed.logsBloom(),
            sealed.difficulty(),
            sealed.number(),
            sealed.gasLimit(),
            sealed.gasUsed() + 1,
            sealed.timestamp(),
            sealed.extraData(),
            sealed.mixHash(),
            sealed.nonce(),
            sealed.baseFeePerGas());

    assertThat(recoveredSealers(tampered)).doesNotContainAnyElementsOf(SIGNERS);
  }

  @Test
  void sealsFromAnotherRoundDoNotRecoverToTheSigners() {
    BlockHeader sealedInRoundTwo =
        QbftBlockHashing.withCommitSeals(proposal(), sealsOf(proposal(), KEYS));
    BlockHeader claimedRoundThree = QbftBlockHashing.withRound(sealedInRoundTwo, 3);

    assertThat(recoveredSealers(claimedRoundThree)).doesNotContainAnyElementsOf(SIGNERS);
  }

  @Test
  void aHighSSealIsRejected() {
    Signature low = sealsOf(proposal(), KEYS.subList(0, 1)).get(0);
    Signature high =
        new Signature(low.r(), Signature.CURVE_ORDER.subtract(low.s()), 1 - low.recoveryId());
    BlockHeader sealed = QbftBlockHashing.withCommitSeals(proposal(), List.of(high));
    // The flipped seal is the same signature in malleable form: it would recover the signer.
    assertThat(RECOVERY.recoverAddress(QbftBlockHashing.commitSealHash(sealed), high))
        .contains(SIGNERS.get(0));

    assertThat(QbftBlockHashing.recoverSealers(sealed, RECOVERY))
        .isEqualTo(
            new SealerRecovery.Rejected(
                SealerRecovery.Reason.HIGH_S_SEAL, 0, "seal s is above half the curve order"));
  }

  @Test
  void aSealNoPublicKeyMatchesIsRejected() {
    Hash signed = QbftBlockHashing.commitSealHash(proposal());
    // About half of all r values are not the x coordinate of a curve point.
    Signature unrecoverable =
        IntStream.rangeClosed(1, 64)
            .mapToObj(r -> new Signature(BigInteger.valueOf(r), BigInteger.ONE, 0))
            .filter(seal -> RECOVERY.recoverAddress(signed, seal).isEmpty())
            .findFirst()
            .orElseThrow();
    BlockHeader sealed = QbftBlockHashing.withCommitSeals(proposal(), List.of(unrecoverable));

    assertThat(QbftBlockHashing.recoverSealers(sealed, RECOVERY))
        .isInstanceOfSatisfying(
            SealerRecovery.Rejected.class,
            rejected ->
                assertThat(rejected.reason()).isEqualTo(SealerRecovery.Reason.UNRECOVERABLE_SEAL));
  }

  @Test
  void aHeaderWithoutQbftExtraDataIsRejectedNotThrown() {
    BlockHeader header = proposal().withExtraData(Bytes.fromHex("0xc0"));
    assertThat(QbftBlockHashing.recoverSealers(header, RECOVERY))
        .isInstanceOfSatisfying(
            SealerRecovery.Rejected.class,
            rejected ->
                assertThat(rejected.reason())
                    .isEqualTo(SealerRecovery.Reason.MALFORMED_EXTRA_DATA));
  }

  private static List<Address> recoveredSealers(BlockHeader header) {
    SealerRecovery result = QbftBlockHashing.recoverSealers(header, RECOVERY);
    assertThat(result).isInstanceOf(SealerRecovery.Recovered.class);
    return ((SealerRecovery.Recovered) result).sealers();
  }

  private static BlockHeader withNumber(BlockHeader header, long number) {
    return new BlockHeader(
        header.parentHash(),
        header.ommersHash(),
        header.coinbase(),
        header.stateRoot(),
        header.transactionsRoot(),
        header.receiptsRoot(),
        header.logsBloom(),
        header.difficulty(),
        number,
        header.gasLimit(),
        header.gasUsed(),
        header.timestamp(),
        header.extraData(),
        header.mixHash(),
        header.nonce(),
        header.baseFeePerGas());
  }
}
