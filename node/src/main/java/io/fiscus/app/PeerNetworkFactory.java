package io.fiscus.app;

import io.fiscus.chain.ChainReader;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.genesis.GenesisConfig;
import io.fiscus.metrics.NodeMetrics;
import io.fiscus.p2p.PeerNetwork;
import io.fiscus.types.Address;
import io.fiscus.types.Hash;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds the node's p2p transport from its configuration, or none for a node that runs alone (one
 * validator, no bootnodes). The seam where the TLS transport ({@code p2p.netty}) plugs into the
 * composition root; {@link #NONE} keeps a node without peers.
 */
@FunctionalInterface
interface PeerNetworkFactory {
  /**
   * The transport for this node, not started; empty for a node without peers.
   *
   * @param currentValidators the validators of the height being decided, for the allowlist (empty
   *     until consensus has started; it changes as validators are voted in and out)
   */
  Optional<PeerNetwork> create(
      NodeConfig config,
      GenesisConfig genesis,
      Hash genesisHash,
      PrivateKey key,
      ChainReader chain,
      Supplier<List<Address>> currentValidators,
      NodeMetrics metrics);

  PeerNetworkFactory NONE =
      (config, genesis, genesisHash, key, chain, currentValidators, metrics) -> Optional.empty();
}
