package io.fiscus.rpc.eth;

import io.fiscus.types.Address;
import java.util.Locale;

/**
 * Who this node is, for {@code web3_clientVersion}, {@code net_*} and {@code admin_nodeInfo}.
 *
 * @param clientVersion e.g. {@code fiscus/v0.1.0/linux-amd64/java-21}, see {@link #clientVersion}
 * @param chainId the genesis chain id
 * @param enode the node's {@code enode://<public key>@<host>:<port>} URL
 * @param nodeAddress the address of the node key (its validator address)
 * @param p2pPort the p2p listening port
 * @param listening whether the node accepts p2p connections
 */
public record NodeIdentity(
    String clientVersion,
    long chainId,
    String enode,
    Address nodeAddress,
    int p2pPort,
    boolean listening) {

  /** {@code fiscus/v<version>/<os>-<arch>/java-<feature version>}, as Besu names itself. */
  public static String clientVersion(String version) {
    String os = System.getProperty("os.name", "unknown").toLowerCase(Locale.ROOT).replace(' ', '-');
    String arch = System.getProperty("os.arch", "unknown").toLowerCase(Locale.ROOT);
    return "fiscus/v" + version + "/" + os + "-" + arch + "/java-" + Runtime.version().feature();
  }
}
