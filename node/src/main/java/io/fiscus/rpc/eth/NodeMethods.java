package io.fiscus.rpc.eth;

import io.fiscus.chain.ChainReader;
import io.fiscus.crypto.Keccak;
import io.fiscus.mempool.TransactionPool;
import io.fiscus.p2p.Peers;
import io.fiscus.rpc.Quantity;
import io.fiscus.rpc.RpcMethod;
import io.fiscus.rpc.RpcParams;
import java.util.List;
import java.util.Map;

/** {@code web3_*}, {@code net_*}, {@code admin_*} and {@code txpool_status}. */
public final class NodeMethods {
  private final NodeIdentity identity;
  private final ChainReader chain;
  private final TransactionPool pool;
  private final Peers peers;

  public NodeMethods(NodeIdentity identity, ChainReader chain, TransactionPool pool, Peers peers) {
    this.identity = identity;
    this.chain = chain;
    this.pool = pool;
    this.peers = peers;
  }

  /** {@code admin_nodeInfo}'s answer, in Besu's shape. */
  public record NodeInfo(
      String enode,
      String id,
      String name,
      String listenAddr,
      Map<String, Integer> ports,
      Map<String, Object> protocols) {}

  /** One {@code admin_peers} entry. */
  public record PeerJson(String enode, boolean validator, Map<String, String> network) {}

  /** {@code txpool_status}. */
  public record PoolStatus(String pending, String queued) {}

  public Map<String, RpcMethod> methods() {
    return Map.of(
        "web3_clientVersion", params -> identity.clientVersion(),
        "web3_sha3", params -> Keccak.hash(params.data(0)).toHex(),
        "net_version", params -> Long.toString(identity.chainId()),
        "net_listening", params -> identity.listening(),
        "net_peerCount", params -> Quantity.of(peers.connected().size()),
        "admin_nodeInfo", this::nodeInfo,
        "admin_peers", params -> peers(),
        "txpool_status",
            params ->
                new PoolStatus(Quantity.of(pool.pendingCount()), Quantity.of(pool.queuedCount())));
  }

  private NodeInfo nodeInfo(RpcParams params) {
    Map<String, Object> eth =
        Map.of(
            "chainId", identity.chainId(),
            "network", identity.chainId(),
            "genesis", chain.genesisHash().toHex(),
            "head", ChainQueries.hash(chain.headHeader()).toHex(),
            "difficulty", new ChainQueries(chain).totalDifficulty(chain.headNumber()));
    return new NodeInfo(
        identity.enode(),
        identity.nodeAddress().toHex(),
        identity.clientVersion(),
        // The enode names the address the p2p listener is bound to: host:port after the '@'.
        identity.enode().substring(identity.enode().lastIndexOf('@') + 1),
        Map.of("listener", identity.p2pPort(), "discovery", 0),
        Map.of("eth", eth));
  }

  private List<PeerJson> peers() {
    return peers.connected().stream()
        .map(
            peer ->
                new PeerJson(
                    peer.enode(), peer.validator(), Map.of("remoteAddress", peer.remoteAddress())))
        .toList();
  }
}
