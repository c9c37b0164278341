package io.fiscus.bench.load;

import io.fiscus.crypto.Keccak;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.genesis.NodeKeyFile;
import io.fiscus.p2p.Enode;
import io.fiscus.p2p.PeerId;
import io.fiscus.types.Bytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A network made by the real {@code fiscus genesis generate} and run as real {@code fiscus node}
 * processes on loopback: N validators, each with {@code --bootnodes} naming all the others at p2p
 * ports chosen before any starts, and one full node, admitted by a permissions file every validator
 * is given, that stays down until {@link #startFullNode()} (the catch-up figure).
 *
 * <p>Validators are numbered from 1, as the generator names their directories.
 */
public final class LocalNetwork implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
  private static final String PERMISSIONS_FLAG = "--permissions-nodes-config-file";

  private final NodeProcess.Launcher launcher;
  private final Path directory;
  private final long chainId;
  private final List<Member> validatorMembers;
  private final Member fullNodeMember;
  private final Path permissionsFile;
  private final List<NodeProcess> validators = new ArrayList<>();
  private NodeProcess fullNode;

  /** A node of the plan: its name, the arguments naming its files, and its p2p address. */
  record Member(String name, List<String> identity, Enode enode) {}

  private LocalNetwork(
      NodeProcess.Launcher launcher,
      Path directory,
      long chainId,
      List<Member> validatorMembers,
      Member fullNodeMember,
      Path permissionsFile) {
    this.launcher = launcher;
    this.directory = directory;
    this.chainId = chainId;
    this.validatorMembers = List.copyOf(validatorMembers);
    this.fullNodeMember = fullNodeMember;
    this.permissionsFile = permissionsFile;
  }

  /**
   * Generates a network of {@code validators} in {@code directory/network} and writes the full
   * node's key and the permissions file; starts nothing.
   */
  public static LocalNetwork generate(
      NodeProcess.Launcher launcher,
      Path directory,
      int validators,
      long chainId,
      int blockPeriodMs) {
    Path network = directory.resolve("network");
    NodeProcess.generateNetwork(launcher, network, validators, chainId, blockPeriodMs);
    List<Member> members = new ArrayList<>();
    for (int v = 1; v <= validators; v++) {
      Path validatorDirectory = network.resolve("validator" + v);
      PrivateKey key = PrivateKey.fromHex(read(validatorDirectory.resolve("key")));
      members.add(
          new Member(
              "validator" + v,
              List.of("--config-file", validatorDirectory.resolve("node.toml").toString()),
              enode(key, NodeProcess.freePort())));
    }
    Path fullDirectory = directory.resolve("full-node");
    PrivateKey fullKey = fullNodeKey();
    Path keyFile = writeKey(fullDirectory.resolve("key"), fullKey);
    Member full =
        new Member(
            "full-node",
            List.of(
                "--genesis-file",
                network.resolve("genesis.json").toString(),
                "--node-private-key-file",
                keyFile.toString(),
                "--p2p-host",
                "127.0.0.1"),
            enode(fullKey, NodeProcess.freePort()));
    // The misbehaving peer (--misbehaving-peer) is an allowed full node too, with a key of its own
    // so the catch-up node is not caught by its bans.
    Enode misbehaving = enode(misbehavingPeerKey(), NodeProcess.freePort());
    Path permissions =
        write(
            network.resolve("permissions_config.toml"),
            "nodes-allowlist=[\"" + full.enode().url() + "\", \"" + misbehaving.url() + "\"]\n");
    return new LocalNetwork(launcher, directory, chainId, members, full, permissions);
  }

  /** Starts every validator together, then waits until each serves the network's chain id. */
  public void startValidators() {
    for (Member member : validatorMembers) {
      validators.add(start(member));
    }
    for (NodeProcess validator : validators) {
      validator.awaitRpc(chainId, START_TIMEOUT);
    }
  }

  /** Starts the full node on an empty data directory; returns once it is launched. */
  public NodeProcess startFullNode() {
    if (fullNode != null) {
      throw new IllegalStateException("the full node was already started");
    }
    fullNode = start(fullNodeMember);
    return fullNode;
  }

  private NodeProcess start(Member member) {
    List<String> arguments = new ArrayList<>(member.identity());
    String bootnodes = bootnodes(member);
    if (!bootnodes.isEmpty()) {
      arguments.add("--bootnodes");
      arguments.add(bootnodes);
    }
    arguments.add(PERMISSIONS_FLAG);
    arguments.add(permissionsFile.toString());
    return NodeProcess.start(
        launcher,
        arguments,
        member.enode().port(),
        directory.resolve(member.name()).resolve("data"),
        directory.resolve(member.name() + ".log"));
  }

  /** Every validator but {@code member} itself, comma separated. */
  String bootnodes(Member member) {
    return validatorMembers.stream()
        .filter(other -> !other.name().equals(member.name()))
        .map(other -> other.enode().url())
        .collect(Collectors.joining(","));
  }

  List<Member> validatorMembers() {
    return validatorMembers;
  }

  Member fullNodeMember() {
    return fullNodeMember;
  }

  Path permissionsFile() {
    return permissionsFile;
  }

  /** The generated network's directory (genesis.json, accounts.json, validatorK/). */
  public Path networkDirectory() {
    return directory.resolve("network");
  }

  public long chainId() {
    return chainId;
  }

  /** The running validators, in order; empty before {@link #startValidators()}. */
  public List<NodeProcess> validators() {
    return List.copyOf(validators);
  }

  /** The validators' names, in order. */
  public List<String> validatorNames() {
    return validatorMembers.stream().map(Member::name).toList();
  }

  /** Stops every node that was started (SIGTERM, then SIGKILL after a grace period). */
  @Override
  public void close() {
    if (fullNode != null) {
      fullNode.close();
    }
    validators.forEach(NodeProcess::close);
  }

  private static Enode enode(PrivateKey key, int port) {
    return new Enode(new PeerId(Secp256k1.signer().publicKey(key)), "127.0.0.1", port);
  }

  /** Derived from a fixed text, so runs are repeatable and the key never clashes with others. */
  private static PrivateKey fullNodeKey() {
    return keyFrom("fiscus-bench-full-node");
  }

  /** The key of the allowed peer that misbehaves during a {@code --misbehaving-peer} run. */
  static PrivateKey misbehavingPeerKey() {
    return keyFrom("fiscus-bench-misbehaving-peer");
  }

  private static PrivateKey keyFrom(String text) {
    Bytes seed = Bytes.wrap(text.getBytes(StandardCharsets.UTF_8));
    return new PrivateKey(new BigInteger(1, Keccak.hash(seed).bytes().unsafeArray()));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII).strip();
    } catch (IOException unreadable) {
      throw new UncheckedIOException("cannot read " + file, unreadable);
    }
  }

  /** A node key file of mode 600 (the node refuses one others may read). */
  private static Path writeKey(Path file, PrivateKey key) {
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
    } catch (IOException unwritable) {
      throw new UncheckedIOException("cannot write " + file, unwritable);
    }
    NodeKeyFile.write(file, key);
    return file;
  }

  private static Path write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.US_ASCII);
      return file;
    } catch (IOException unwritable) {
      throw new UncheckedIOException("cannot write " + file, unwritable);
    }
  }
}
