package io.fiscus.p2p.netty;

import io.fiscus.metrics.NodeMetrics;
import io.fiscus.p2p.BanList;
import io.fiscus.p2p.BanReason;
import io.fiscus.p2p.PeerId;
import java.net.InetAddress;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * The transport's bans: by node key for an authenticated peer's offence, by address for garbage
 * before any hello. Each new ban is logged once at WARN and counted in {@code
 * fiscus_p2p_bans_total{reason}}; an offence reported again while the ban holds (several invalid
 * blocks of one batch) renews it quietly.
 */
final class Bans {
  private final BanList<PeerId> peers;
  private final BanList<InetAddress> addresses;
  private final NodeMetrics metrics;
  private final Logger log;

  Bans(Duration ban, int entriesMax, LongSupplier nanoTime, NodeMetrics metrics, Logger log) {
    this.peers = new BanList<>(ban, entriesMax, nanoTime);
    this.addresses = new BanList<>(ban, entriesMax, nanoTime);
    this.metrics = metrics;
    this.log = log;
  }

  void ban(PeerId peer, BanReason reason, String detail) {
    boolean already = peers.isBanned(peer);
    Duration ban = peers.ban(peer);
    if (already) {
      log.debug("Peer {} offended again while banned: {} ({})", peer, reason.label(), detail);
      return;
    }
    metrics.p2pBans.labelValues(reason.label()).inc();
    log.warn("Banned peer {} for {} s: {} ({})", peer, ban.toSeconds(), reason.label(), detail);
  }

  void ban(InetAddress address, BanReason reason, String detail) {
    boolean already = addresses.isBanned(address);
    Duration ban = addresses.ban(address);
    if (already) {
      return;
    }
    metrics.p2pBans.labelValues(reason.label()).inc();
    log.warn(
        "Banned address {} for {} s: {} ({})",
        address.getHostAddress(),
        ban.toSeconds(),
        reason.label(),
        detail);
  }

  boolean isBanned(PeerId peer) {
    return peers.isBanned(peer);
  }

  Duration remaining(PeerId peer) {
    return peers.remaining(peer);
  }

  boolean isBanned(InetAddress address) {
    return addresses.isBanned(address);
  }
}
