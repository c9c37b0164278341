package io.fiscus.client.demo;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a devnet keeps its files, under one directory ({@code ./devnet} by default):
 *
 * <pre>
 * genesis.json, accounts.json      written by fiscus genesis generate
 * validatorK/node.toml, key        written by fiscus genesis generate
 * validatorK/data/                 the node's database
 * validatorK/node.log              the node's output
 * validatorK/node.pid              the running node's process id
 * keys/NAME.key                    each demo account's private key, for fiscus-client --key-file
 * devnet.pid                       the running orchestrator's process id
 * </pre>
 */
record DevnetLayout(Path root) {
  Path genesis() {
    return root.resolve("genesis.json");
  }

  Path accounts() {
    return root.resolve("accounts.json");
  }

  Path validatorDirectory(int k) {
    return root.resolve("validator" + k);
  }

  Path nodeConfig(int k) {
    return validatorDirectory(k).resolve("node.toml");
  }

  Path nodeKey(int k) {
    return validatorDirectory(k).resolve("key");
  }

  Path nodeLog(int k) {
    return validatorDirectory(k).resolve("node.log");
  }

  Path nodePidFile(int k) {
    return validatorDirectory(k).resolve("node.pid");
  }

  Path keys() {
    return root.resolve("keys");
  }

  Path keyFile(String accountName) {
    return keys().resolve(accountName + ".key");
  }

  Path orchestratorPidFile() {
    return root.resolve("devnet.pid");
  }

  /** True when the directory holds a generated network (a genesis and validator 1's config). */
  boolean holdsNetwork() {
    return Files.isRegularFile(genesis()) && Files.isRegularFile(nodeConfig(1));
  }

  /** The number of validatorK directories, counted from 1 without a gap. */
  int validatorCount() {
    int k = 0;
    while (Files.isRegularFile(nodeConfig(k + 1))) {
      k++;
    }
    return k;
  }

  /** The path as a person typed it: relative to the working directory when it is below it. */
  String shown(Path path) {
    Path workingDirectory = Path.of("").toAbsolutePath();
    Path absolute = path.toAbsolutePath().normalize();
    return absolute.startsWith(workingDirectory)
        ? workingDirectory.relativize(absolute).toString()
        : absolute.toString();
  }
}
