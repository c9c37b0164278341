package io.fiscus.it.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.fiscus.it.NodeProcess;
import io.fiscus.it.RawRpc;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/**
 * One member of a {@link Cluster}: its key, its role, its process and RPC clients. Its p2p port is
 * fixed when the cluster is built so the other members can name it in their bootnodes.
 */
public final class ClusterNode implements AutoCloseable {
  /** Whether the node's key is in the genesis validator set. */
  public enum Role {
    VALIDATOR,
    FULL_NODE
  }

  private final String name;
  private final Role role;
  private final Credentials key;
  private final NodeProcess process;
  private Web3j web3j;

  ClusterNode(String name, Role role, Credentials key, NodeProcess process) {
    this.name = name;
    this.role = role;
    this.key = key;
    this.process = process;
  }

  public String name() {
    return name;
  }

  public Role role() {
    return role;
  }

  public Credentials key() {
    return key;
  }

  /** The node's address, lower-case 0x hex: its coinbase when it proposes. */
  public String address() {
    return key.getAddress().toLowerCase(Locale.ROOT);
  }

  /** The 128-hex public key of its enode URL. */
  public String publicKeyHex() {
    return publicKeyHex(key);
  }

  static String publicKeyHex(Credentials key) {
    return Numeric.toHexStringNoPrefixZeroPadded(key.getEcKeyPair().getPublicKey(), 128);
  }

  /** Its enode URL at its real p2p port. */
  public String enode() {
    return "enode://" + publicKeyHex() + "@127.0.0.1:" + process.p2pPort();
  }

  public int p2pPort() {
    return process.p2pPort();
  }

  public NodeProcess process() {
    return process;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public RawRpc rpc() {
    return new RawRpc(process.rpcUrl());
  }

  /** A Web3j client of this node, made once and reused across restarts (the port is fixed). */
  public synchronized Web3j web3j() {
    if (web3j == null) {
      web3j = Web3j.build(new HttpService(process.rpcUrl()));
    }
    return web3j;
  }

  /** The node's latest block. */
  public Head head() {
    return Head.of(rpc().result("eth_getBlockByNumber", "latest", false));
  }

  /** The node's block at {@code number}, or null if it has none there. */
  public Head blockAt(long number) {
    JsonNode block =
        rpc().result("eth_getBlockByNumber", Numeric.encodeQuantity(big(number)), false);
    return block == null || block.isNull() ? null : Head.of(block);
  }

  public long peerCount() {
    return Numeric.decodeQuantity(rpc().result("net_peerCount").asText()).longValueExact();
  }

  /** The public keys (128 hex, lower case) in this node's {@code admin_peers}. */
  public List<String> peerPublicKeys() {
    List<String> keys = new ArrayList<>();
    for (JsonNode peer : rpc().result("admin_peers")) {
      String enode = peer.get("enode").asText();
      int at = enode.indexOf('@');
      keys.add(
          enode
              .substring("enode://".length(), at < 0 ? enode.length() : at)
              .toLowerCase(Locale.ROOT));
    }
    return keys;
  }

  /** The node's /metrics text. */
  public String metrics() {
    return new RawRpc(process.metricsUrl()).get();
  }

  /** The value of one unlabelled metric, or 0 when absent. */
  public double metric(String name) {
    for (String line : metrics().lines().toList()) {
      if (line.startsWith(name + " ")) {
        return Double.parseDouble(line.substring(name.length() + 1).trim());
      }
    }
    return 0;
  }

  private static java.math.BigInteger big(long value) {
    return java.math.BigInteger.valueOf(value);
  }

  @Override
  public synchronized void close() {
    process.close();
    if (web3j != null) {
      web3j.shutdown();
      web3j = null;
    }
  }

  @Override
  public String toString() {
    return name + " (" + role + " " + address() + ", p2p " + p2pPort() + ")";
  }
}
