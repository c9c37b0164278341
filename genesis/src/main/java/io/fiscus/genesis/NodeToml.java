package io.fiscus.genesis;

import java.util.List;

/**
 * A validator's {@code node.toml}: the node's CLI flags without dashes. Relative paths resolve
 * against the file's own directory, so a generated network directory can be moved as a whole.
 */
final class NodeToml {
  private static final String AUTHENTICATION_ON =
      """
      # Every RPC call but the harmless ones (rpc-api-methods-no-auth) needs a bearer token signed
      # by the caller's account key; the Fiscus SDK and fiscus-client make them by themselves.
      """;

  private static final String AUTHENTICATION_OFF =
      """
      # DEVELOPMENT ONLY: anyone who reaches the RPC port may call every method without a token
      # (generated with --rpc-authentication=false).
      """;

  private NodeToml() {}

  static String of(
      GeneratedNetwork.Validator validator,
      int validatorCount,
      List<String> bootnodes,
      boolean rpcAuthentication) {
    StringBuilder toml = new StringBuilder();
    toml.append("# Validator ")
        .append(validator.number())
        .append(" of ")
        .append(validatorCount)
        .append(" (")
        .append(validator.address())
        .append("), written by `fiscus genesis generate`.\n")
        .append("# Start with: fiscus node --config-file node.toml\n")
        .append("# Relative paths resolve against this file's directory.\n");
    line(toml, "data-path", quoted("data"));
    line(toml, "genesis-file", quoted("../genesis.json"));
    line(toml, "node-private-key-file", quoted("key"));
    line(toml, "p2p-host", quoted("127.0.0.1"));
    line(toml, "p2p-port", Integer.toString(validator.p2pPort()));
    line(toml, "rpc-http-host", quoted("127.0.0.1"));
    line(toml, "rpc-http-port", Integer.toString(validator.rpcHttpPort()));
    line(toml, "rpc-ws-port", Integer.toString(validator.rpcWsPort()));
    line(toml, "metrics-port", Integer.toString(validator.metricsPort()));
    List<String> quoted = bootnodes.stream().map(NodeToml::quoted).toList();
    line(toml, "bootnodes", "[" + String.join(", ", quoted) + "]");
    toml.append(rpcAuthentication ? AUTHENTICATION_ON : AUTHENTICATION_OFF);
    line(toml, "rpc-authentication-enabled", Boolean.toString(rpcAuthentication));
    return toml.toString();
  }

  private static void line(StringBuilder toml, String key, String value) {
    toml.append(key).append(" = ").append(value).append('\n');
  }

  /** A TOML basic string; the values written here never hold quotes or backslashes. */
  private static String quoted(String value) {
    if (value.indexOf('"') >= 0 || value.indexOf('\\') >= 0) {
      throw new IllegalArgumentException("unexpected character in " + value);
    }
    return "\"" + value + "\"";
  }
}
