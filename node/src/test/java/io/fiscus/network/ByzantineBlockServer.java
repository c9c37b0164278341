package io.fiscus.network;

import io.fiscus.block.Block;
import io.fiscus.block.BlockHeader;
import io.fiscus.block.QbftBlockHashing;
import io.fiscus.chain.ChainReader;
import io.fiscus.consensus.driver.ChainBlock;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.crypto.Signature;
import io.fiscus.p2p.MessageType;
import io.fiscus.p2p.PeerId;
import io.fiscus.p2p.PeerNetwork;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A peer that announces an honest node's head (or more) and answers GET_BLOCKS with that node's
 * blocks after {@code tamper} has had its way with each.
 */
final class ByzantineBlockServer implements PeerNetwork.Handler {
  private final PeerNetwork network;
  private final ChainReader source;
  private final UnaryOperator<Block> tamper;
  private final long headBoast;

  ByzantineBlockServer(PeerNetwork network, ChainReader source, UnaryOperator<Block> tamper) {
    this(network, source, tamper, 0);
  }

  /** Also claims {@code headBoast} more blocks than {@code source} has. */
  ByzantineBlockServer(
      PeerNetwork network, ChainReader source, UnaryOperator<Block> tamper, long headBoast) {
    this.network = network;
    this.source = source;
    this.tamper = tamper;
    this.headBoast = headBoast;
  }

  @Override
  public void onMessage(PeerId from, MessageType type, Bytes payload) {
    if (type != MessageType.GET_BLOCKS
        || !(NetworkCodec.decode(type, payload) instanceof NetworkDecoding.Decoded decoded)
        || !(decoded.message() instanceof NetworkMessage.GetBlocks request)) {
      return;
    }
    List<Block> blocks = new ArrayList<>();
    for (long n = request.fromNumber(); n < request.fromNumber() + request.count(); n++) {
      source.block(n).map(tamper).ifPresent(blocks::add);
    }
    network.send(
        from,
        MessageType.BLOCKS,
        NetworkCodec.encode(new NetworkMessage.Blocks(request.requestId(), blocks)));
  }

  @Override
  public void onConnected(PeerId peer, long headNumber) {
    BlockHeader head = source.headHeader();
    network.send(
        peer,
        MessageType.STATUS,
        NetworkCodec.encode(
            new NetworkMessage.Status(
                head.number() + headBoast, ChainBlock.ofHeader(head).hash())));
  }

  @Override
  public void onDisconnected(PeerId peer) {}

  /** Replaces the seals with a quorum's worth signed by {@code keys}. */
  static Block resealedBy(Block block, List<PrivateKey> keys) {
    Hash sealHash = QbftBlockHashing.commitSealHash(block.header());
    List<Signature> seals = new ArrayList<>();
    for (PrivateKey key : keys) {
      seals.add(Secp256k1.signer().sign(sealHash, key));
    }
    return ChainBlock.of(block).withCommitSeals(seals).block();
  }

  /** The block with another state root, sealed again by {@code validatorKeys}. */
  static Block withWrongStateRoot(Block block, List<PrivateKey> validatorKeys) {
    BlockHeader h = block.header();
    BlockHeader forged =
        new BlockHeader(
            h.parentHash(),
            h.ommersHash(),
            h.coinbase(),
            Hash.wrap(new byte[32]),
            h.transactionsRoot(),
            h.receiptsRoot(),
            h.logsBloom(),
            h.difficulty(),
            h.number(),
            h.gasLimit(),
            h.gasUsed(),
            h.timestamp(),
            h.extraData(),
            h.mixHash(),
            h.nonce(),
            h.baseFeePerGas());
    return resealedBy(new Block(forged, block.transactions()), validatorKeys);
  }
}
