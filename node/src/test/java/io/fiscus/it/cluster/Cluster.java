package io.fiscus.it.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fiscus.it.NodeProcess;
import io.fiscus.it.TestNetwork;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.utils.Numeric;

/**
 * N real {@code fiscus node} processes on loopback, from a network made by the real {@code fiscus
 * genesis generate}: the validators, then any permitted full nodes (fresh keys listed in a
 * permissions file every node is given). Every node's p2p port is chosen before any starts, and
 * each node's {@code --bootnodes} names all the others, directly or, when {@link
 * Builder#proxied()}, each through its own {@link TcpProxy} so a test can cut any node off and heal
 * it.
 *
 * <p>Nodes are addressed by index: validators {@code 0..validators-1}, then full nodes.
 */
public final class Cluster implements AutoCloseable {
  /**
   * The node flag naming the permissions file (Besu's {@code nodes-allowlist=[...]} TOML);
   * overridable with {@code -Dfiscus.it.permissionsFlag} until the p2p layer fixes its name.
   */
  public static final String PERMISSIONS_FLAG =
      System.getProperty("fiscus.it.permissionsFlag", "--permissions-nodes-config-file");

  static final Duration START_TIMEOUT = Duration.ofMinutes(2);

  private final Path directory;
  private final TestNetwork network;
  private final List<ClusterNode> nodes;
  private final int validatorCount;
  private final Map<String, TcpProxy> proxies;
  private final List<ClusterNode> outsiders = new ArrayList<>();

  private Cluster(
      Path directory,
      TestNetwork network,
      List<ClusterNode> nodes,
      int validatorCount,
      Map<String, TcpProxy> proxies) {
    this.directory = directory;
    this.network = network;
    this.nodes = List.copyOf(nodes);
    this.validatorCount = validatorCount;
    this.proxies = proxies;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** How to make a cluster; {@link #build(Path)} writes its files but starts nothing. */
  public static final class Builder {
    private int validators = 4;
    private long blockPeriodMillis = 250;
    private int fullNodes;
    private boolean proxied;
    private OptionalLong emptyBlockPeriodSeconds = OptionalLong.of(0);
    private final Map<Integer, Path> fullNodeGenesis = new HashMap<>();
    private final List<String> nodeArguments = new ArrayList<>();

    public Builder validators(int count) {
      this.validators = count;
      return this;
    }

    public Builder blockPeriodMillis(long millis) {
      this.blockPeriodMillis = millis;
      return this;
    }

    /** Full nodes with fresh keys, all listed in the permissions file. */
    public Builder fullNodes(int count) {
      this.fullNodes = count;
      return this;
    }

    /** Full node {@code slot} (0-based) starts from another genesis file (admission tests). */
    public Builder fullNodeGenesis(int slot, Path genesisFile) {
      fullNodeGenesis.put(slot, genesisFile);
      return this;
    }

    /**
     * The genesis' {@code emptyblockperiodseconds}: 0 (the default here) makes a block every block
     * period even without transactions, so liveness and halts show in the head alone; empty means
     * the generator's default (blocks only when there are transactions, ADR 8).
     */
    public Builder emptyBlockPeriodSeconds(OptionalLong seconds) {
      this.emptyBlockPeriodSeconds = seconds;
      return this;
    }

    /** Route every node-to-node link through its own {@link TcpProxy}. */
    public Builder proxied() {
      this.proxied = true;
      return this;
    }

    /** Arguments added to every node's command line (e.g. {@code --logging DEBUG}). */
    public Builder nodeArguments(String... arguments) {
      nodeArguments.addAll(List.of(arguments));
      return this;
    }

    public Cluster build(Path directory) {
      TestNetwork network = TestNetwork.generate(directory, validators, blockPeriodMillis);
      emptyBlockPeriodSeconds.ifPresent(
          seconds -> setEmptyBlockPeriod(network.directory.resolve("genesis.json"), seconds));
      List<Member> members = new ArrayList<>();
      for (int v = 1; v <= validators; v++) {
        Path config = network.nodeConfig(v);
        Credentials key = Credentials.create(read(config.resolveSibling("key")).trim());
        members.add(
            new Member("validator" + v, ClusterNode.Role.VALIDATOR, key, config, freeP2pPort()));
      }
      Path genesis = network.directory.resolve("genesis.json").toAbsolutePath();
      for (int f = 1; f <= fullNodes; f++) {
        Credentials key = Credentials.create(newKeyPair());
        Path config =
            writeNodeConfig(
                network.directory.resolve("full" + f),
                key,
                fullNodeGenesis.getOrDefault(f - 1, genesis));
        members.add(new Member("full" + f, ClusterNode.Role.FULL_NODE, key, config, freeP2pPort()));
      }
      Map<String, TcpProxy> proxies = proxied ? proxies(members) : Map.of();
      List<String> shared = new ArrayList<>(nodeArguments);
      if (fullNodes > 0) {
        shared.add(PERMISSIONS_FLAG);
        shared.add(writePermissions(network.directory, members).toString());
      }
      List<ClusterNode> nodes = new ArrayList<>();
      for (int i = 0; i < members.size(); i++) {
        Member member = members.get(i);
        List<String> arguments = new ArrayList<>();
        if (members.size() > 1) {
          arguments.add("--bootnodes");
          arguments.add(bootnodes(members, i, proxies));
        }
        arguments.addAll(shared);
        nodes.add(
            new ClusterNode(
                member.name,
                member.role,
                member.key,
                new NodeProcess(member.config, member.p2pPort, arguments)));
      }
      proxies.values().forEach(TcpProxy::start);
      return new Cluster(directory, network, nodes, validators, proxies);
    }
  }

  private static void setEmptyBlockPeriod(Path genesisFile, long seconds) {
    try {
      ObjectMapper json = new ObjectMapper();
      ObjectNode genesis = (ObjectNode) json.readTree(genesisFile.toFile());
      ((ObjectNode) genesis.path("config").path("qbft")).put("emptyblockperiodseconds", seconds);
      json.writerWithDefaultPrettyPrinter().writeValue(genesisFile.toFile(), genesis);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Member(
      String name, ClusterNode.Role role, Credentials key, Path config, int p2pPort) {
    String enodeAt(int port) {
      return "enode://" + ClusterNode.publicKeyHex(key) + "@127.0.0.1:" + port;
    }
  }

  private static String link(int from, int to) {
    return from + "->" + to;
  }

  private static Map<String, TcpProxy> proxies(List<Member> members) {
    Map<String, TcpProxy> proxies = new LinkedHashMap<>();
    for (int from = 0; from < members.size(); from++) {
      for (int to = 0; to < members.size(); to++) {
        if (from != to) {
          proxies.put(
              link(from, to),
              new TcpProxy(
                  members.get(from).name + "->" + members.get(to).name, members.get(to).p2pPort));
        }
      }
    }
    return proxies;
  }

  private static String bootnodes(List<Member> members, int self, Map<String, TcpProxy> proxies) {
    List<String> enodes = new ArrayList<>();
    for (int other = 0; other < members.size(); other++) {
      if (other != self) {
        TcpProxy proxy = proxies.get(link(self, other));
        Member member = members.get(other);
        enodes.add(member.enodeAt(proxy == null ? member.p2pPort : proxy.port()));
      }
    }
    return String.join(",", enodes);
  }

  private static Path writePermissions(Path directory, List<Member> members) {
    String allowed =
        members.stream()
            .filter(member -> member.role == ClusterNode.Role.FULL_NODE)
            .map(member -> "\"" + member.enodeAt(member.p2pPort) + "\"")
            .collect(Collectors.joining(", "));
    return write(
        directory.resolve("permissions_config.toml"), "nodes-allowlist=[" + allowed + "]\n");
  }

  /** A node.toml like the generator's, for a node that is not a genesis validator. */
  static Path writeNodeConfig(Path nodeDirectory, Credentials key, Path genesisFile) {
    Path keyFile =
        write(
            nodeDirectory.resolve("key"),
            Numeric.toHexStringWithPrefixZeroPadded(key.getEcKeyPair().getPrivateKey(), 64));
    ownerOnly(keyFile);
    return write(
        nodeDirectory.resolve("node.toml"),
        String.join(
            "\n",
            "data-path = \"data\"",
            "genesis-file = \"" + genesisFile.toAbsolutePath() + "\"",
            "node-private-key-file = \"key\"",
            "p2p-host = \"127.0.0.1\"",
            ""));
  }

  // ---- the members

  public TestNetwork network() {
    return network;
  }

  public Path directory() {
    return directory;
  }

  public List<ClusterNode> nodes() {
    return nodes;
  }

  public ClusterNode node(int index) {
    return nodes.get(index);
  }

  public List<ClusterNode> validators() {
    return nodes.subList(0, validatorCount);
  }

  public List<ClusterNode> fullNodes() {
    return nodes.subList(validatorCount, nodes.size());
  }

  public List<ClusterNode> alive() {
    return nodes.stream().filter(ClusterNode::isAlive).toList();
  }

  // ---- lifecycle

  /** Starts every validator (full nodes stay down) and waits until each serves RPC. */
  public void startValidators() {
    start(validators());
  }

  /** Starts the given nodes together, then waits until each serves RPC. */
  public void start(List<ClusterNode> toStart) {
    toStart.forEach(node -> node.process().start());
    toStart.forEach(node -> node.process().awaitServing(START_TIMEOUT));
  }

  public void start(int index) {
    start(List.of(node(index)));
  }

  /** SIGKILL: no shutdown hook, no flush. */
  public void kill9(int index) {
    node(index).process().kill9();
  }

  /** SIGTERM: a clean stop; returns the exit code. */
  public int stop(int index) {
    return node(index).process().stop();
  }

  /**
   * Starts a node outside the cluster's plan: a fresh key in no allowlist, the given genesis file,
   * and bootnodes naming every validator's real port. Closed with the cluster.
   */
  public ClusterNode startOutsider(String name, Path genesisFile) {
    Credentials key = Credentials.create(newKeyPair());
    Path config = writeNodeConfig(directory.resolve(name), key, genesisFile);
    String bootnodes =
        validators().stream().map(ClusterNode::enode).collect(Collectors.joining(","));
    ClusterNode outsider =
        new ClusterNode(
            name,
            ClusterNode.Role.FULL_NODE,
            key,
            new NodeProcess(config, NodeProcess.freePort(), List.of("--bootnodes", bootnodes)));
    outsiders.add(outsider);
    outsider.process().start();
    outsider.process().awaitServing(START_TIMEOUT);
    return outsider;
  }

  // ---- partitions (only on a proxied cluster)

  /** Closes and refuses every link to and from node {@code index}. */
  public void cutOff(int index) {
    linksOf(index).forEach(TcpProxy::cut);
  }

  /** Holds every byte on the links to and from node {@code index}; connections stay up. */
  public void stall(int index) {
    linksOf(index).forEach(TcpProxy::stall);
  }

  /** Reopens node {@code index}'s links (releasing stalled bytes). */
  public void heal(int index) {
    linksOf(index).forEach(TcpProxy::open);
  }

  private List<TcpProxy> linksOf(int index) {
    if (proxies.isEmpty()) {
      throw new IllegalStateException("partitions need Cluster.builder().proxied()");
    }
    List<TcpProxy> links = new ArrayList<>();
    for (int other = 0; other < nodes.size(); other++) {
      if (other != index) {
        links.add(proxies.get(link(index, other)));
        links.add(proxies.get(link(other, index)));
      }
    }
    return links;
  }

  // ---- chain checks

  /** The lowest head among the live nodes. */
  public long commonHeight() {
    return alive().stream().mapToLong(node -> node.head().number()).min().orElseThrow();
  }

  /** Waits until {@code node}'s head reaches {@code height}; returns its head then. */
  public Head awaitHeight(ClusterNode node, long height, Duration timeout) {
    await(
        node.name() + " at height " + height,
        timeout,
        () -> node.isAlive() && node.head().number() >= height);
    return node.head();
  }

  /** Waits until every live node's head reaches {@code height}. */
  public void awaitAllAtLeast(long height, Duration timeout) {
    for (ClusterNode node : alive()) {
      awaitHeight(node, height, timeout);
    }
  }

  /**
   * Checks that every live node holds the same block (hash and state root) at {@code height}.
   * Returns that block.
   */
  public Head assertAgreeAt(long height) {
    Head first = null;
    StringBuilder seen = new StringBuilder();
    boolean agree = true;
    for (ClusterNode node : alive()) {
      Head block = node.blockAt(height);
      seen.append("\n  ").append(node.name()).append(": ").append(block);
      if (block == null) {
        agree = false;
      } else if (first == null) {
        first = block;
      } else if (!first.sameBlockAs(block)) {
        agree = false;
      }
    }
    if (!agree || first == null) {
      throw new AssertionError("nodes disagree at height " + height + ":" + seen);
    }
    return first;
  }

  /** {@link #assertAgreeAt} at every height from {@code from} to {@code to}, inclusive. */
  public void assertAgreeFromTo(long from, long to) {
    for (long height = from; height <= to; height++) {
      assertAgreeAt(height);
    }
  }

  /**
   * Polls {@code condition} every 100 ms until it holds; an RPC failure (a node restarting) counts
   * as not yet. Fails with {@code what} and every node's head.
   */
  public void await(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    RuntimeException last = null;
    while (System.nanoTime() < deadline) {
      try {
        if (condition.getAsBoolean()) {
          return;
        }
      } catch (UncheckedIOException | IllegalStateException notServing) {
        last = notServing;
      }
      sleep(100);
    }
    throw new AssertionError(
        "timed out after " + timeout + " waiting for " + what + "; heads: " + describeHeads(),
        last);
  }

  /** Every node's head, for failure messages. */
  public String describeHeads() {
    StringBuilder text = new StringBuilder();
    for (ClusterNode node : nodes) {
      text.append("\n  ").append(node.name()).append(": ");
      if (!node.isAlive()) {
        text.append("down");
        continue;
      }
      try {
        Head head = node.head();
        text.append('#').append(head.number()).append(' ').append(head.hash());
        text.append(" peers ").append(node.peerCount());
      } catch (RuntimeException e) {
        text.append(e);
      }
    }
    return text.toString();
  }

  /** Heads, proxy states and the tail of every node's log: what a failing test prints. */
  public String diagnostics() {
    StringBuilder text = new StringBuilder("heads:").append(describeHeads());
    proxies.values().stream()
        .filter(proxy -> proxy.state() != TcpProxy.State.OPEN)
        .forEach(proxy -> text.append("\n").append(proxy));
    for (ClusterNode node : nodes) {
      text.append("\n===== ").append(node).append(" log tail\n");
      text.append(node.process().logTail());
    }
    for (ClusterNode node : outsiders) {
      text.append("\n===== outsider ").append(node).append(" log tail\n");
      text.append(node.process().logTail());
    }
    return text.toString();
  }

  @Override
  public void close() {
    outsiders.forEach(ClusterNode::close);
    nodes.forEach(ClusterNode::close);
    proxies.values().forEach(TcpProxy::close);
  }

  // ---- helpers

  private static int freeP2pPort() {
    return NodeProcess.freePort();
  }

  static ECKeyPair newKeyPair() {
    try {
      return Keys.createEcKeyPair();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Mode 600: the node refuses key files others may read. */
  static void ownerOnly(Path file) {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
