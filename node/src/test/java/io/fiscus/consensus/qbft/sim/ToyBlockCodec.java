package io.fiscus.consensus.qbft.sim;

import io.fiscus.consensus.qbft.QbftBlock;
import io.fiscus.consensus.qbft.QbftBlockCodec;
import io.fiscus.consensus.qbft.Vote;
import io.fiscus.crypto.Signature;
import io.fiscus.rlp.Rlp;
import io.fiscus.rlp.RlpException;
import io.fiscus.rlp.RlpReader;
import io.fiscus.types.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code RLP[height, round, proposer, parentHash, timestamp, vote, body, [seals]]}, with the vote
 * as in QBFT extraData: {@code []}, or {@code [subject, 0xff]} to add, {@code [subject, 0x80]} to
 * drop.
 */
public final class ToyBlockCodec implements QbftBlockCodec {

  @Override
  public Bytes encode(QbftBlock block) {
    ToyBlock toy = (ToyBlock) block;
    List<byte[]> seals = new ArrayList<>();
    for (Signature seal : toy.commitSeals()) {
      seals.add(Rlp.string(seal.encode()));
    }
    return Bytes.wrap(Rlp.list(fields(toy, toy.round(), Rlp.list(seals))));
  }

  static Bytes encodeUnsealed(ToyBlock block, int round) {
    return Bytes.wrap(Rlp.list(fields(block, round, Rlp.emptyList())));
  }

  private static byte[][] fields(ToyBlock block, int round, byte[] seals) {
    return new byte[][] {
      Rlp.uint(block.height()),
      Rlp.uint(round),
      Rlp.string(block.proposer().bytes()),
      Rlp.string(block.parentHash().bytes()),
      Rlp.uint(block.timestampSeconds()),
      block
          .vote()
          .map(
              vote ->
                  Rlp.list(
                      Rlp.string(vote.subject().bytes()),
                      vote.kind() == Vote.Kind.ADD
                          ? new byte[] {(byte) 0x81, (byte) 0xff}
                          : Rlp.emptyString()))
          .orElse(Rlp.emptyList()),
      Rlp.string(block.body()),
      seals
    };
  }

  @Override
  public ToyBlock decode(Bytes encoded) {
    RlpReader list = RlpReader.of(encoded).enterList();
    long height = list.readLong();
    int round = list.readInt();
    var proposer = list.readAddress();
    var parentHash = list.readHash();
    long timestamp = list.readLong();
    RlpReader voteList = list.enterList();
    Optional<Vote> vote = Optional.empty();
    if (voteList.hasNext()) {
      var subject = voteList.readAddress();
      byte[] kind = voteList.readBytes();
      voteList.requireEnd();
      if (kind.length == 1 && kind[0] == (byte) 0xff) {
        vote = Optional.of(new Vote(subject, Vote.Kind.ADD));
      } else if (kind.length == 0) {
        vote = Optional.of(new Vote(subject, Vote.Kind.DROP));
      } else {
        throw new RlpException("vote kind must be 0xff or empty");
      }
    }
    Bytes body = list.readValue();
    RlpReader sealList = list.enterList();
    List<Signature> seals = new ArrayList<>();
    while (sealList.hasNext()) {
      seals.add(Signature.decode(Bytes.wrap(sealList.readFixed(Signature.SIZE, "seal"))));
    }
    list.requireEnd();
    return new ToyBlock(height, round, proposer, parentHash, timestamp, vote, body, seals);
  }
}
