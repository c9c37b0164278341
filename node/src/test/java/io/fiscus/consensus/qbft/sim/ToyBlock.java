package io.fiscus.consensus.qbft.sim;

import io.fiscus.consensus.qbft.QbftBlock;
import io.fiscus.consensus.qbft.Vote;
import io.fiscus.crypto.Keccak;
import io.fiscus.crypto.Signature;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.List;
import java.util.Optional;

/**
 * A block with just what QBFT looks at, plus an opaque body standing in for transactions. Its
 * hashes follow Besu's rule: the on-chain hash zeroes the round and drops seals, the commit-seal
 * hash keeps the round and drops seals.
 */
public record ToyBlock(
    long height,
    int round,
    Address proposer,
    Hash parentHash,
    long timestampSeconds,
    Optional<Vote> vote,
    Bytes body,
    List<Signature> commitSeals)
    implements QbftBlock {

  public ToyBlock {
    commitSeals = List.copyOf(commitSeals);
  }

  public static ToyBlock genesis(long timestampSeconds) {
    return new ToyBlock(
        0, 0, Address.ZERO, Hash.ZERO, timestampSeconds, Optional.empty(), Bytes.EMPTY, List.of());
  }

  @Override
  public Hash hash() {
    return Keccak.hash(ToyBlockCodec.encodeUnsealed(this, 0));
  }

  @Override
  public Hash commitSealHash() {
    return Keccak.hash(ToyBlockCodec.encodeUnsealed(this, round));
  }

  @Override
  public ToyBlock withRound(int newRound) {
    return new ToyBlock(
        height, newRound, proposer, parentHash, timestampSeconds, vote, body, List.of());
  }

  @Override
  public ToyBlock withCommitSeals(List<Signature> seals) {
    return new ToyBlock(height, round, proposer, parentHash, timestampSeconds, vote, body, seals);
  }
}
