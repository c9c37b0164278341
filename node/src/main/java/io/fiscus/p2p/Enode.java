package io.fiscus.p2p;

import io.fiscus.p2p.EnodeFormatException.Problem;
import io.fiscus.types.Bytes;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A node's address as Besu writes it: {@code enode://<128 hex public key>@<host>:<port>}, with an
 * optional {@code ?discport=N} that is accepted and ignored (Fiscus has no discovery).
 */
public record Enode(PeerId id, String host, int port) {
  private static final String SCHEME = "enode://";
  private static final Pattern HEX_KEY = Pattern.compile("[0-9a-fA-F]{128}");
  private static final Pattern HOST = Pattern.compile("[0-9A-Za-z.\\-]+|\\[[0-9A-Fa-f:.]+\\]");

  public Enode {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /** Parses an enode URL; throws {@link EnodeFormatException} naming the problem. */
  public static Enode parse(String url) {
    Objects.requireNonNull(url, "url");
    String text = url.strip();
    if (!text.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      throw new EnodeFormatException(Problem.NOT_ENODE_SCHEME, url, "must start with enode://");
    }
    String rest = text.substring(SCHEME.length());
    int at = rest.indexOf('@');
    if (at < 0) {
      throw new EnodeFormatException(Problem.BAD_HOST, url, "missing '@host:port'");
    }
    String key = rest.substring(0, at);
    if (!HEX_KEY.matcher(key).matches()) {
      throw new EnodeFormatException(
          Problem.BAD_PUBLIC_KEY, url, "the node id must be 128 hex characters (a 64-byte key)");
    }
    String address = stripQuery(url, rest.substring(at + 1));
    int colon = address.lastIndexOf(':');
    if (colon <= 0) {
      throw new EnodeFormatException(Problem.BAD_PORT, url, "missing ':port'");
    }
    String host = address.substring(0, colon);
    if (!HOST.matcher(host).matches()) {
      throw new EnodeFormatException(Problem.BAD_HOST, url, "bad host '" + host + "'");
    }
    int port = parsePort(url, address.substring(colon + 1));
    PeerId id = new PeerId(Bytes.fromHex(key.toLowerCase(Locale.ROOT)));
    return new Enode(id, host.startsWith("[") ? host.substring(1, host.length() - 1) : host, port);
  }

  /** The URL form, host bracketed when it is an IPv6 literal. */
  public String url() {
    String printedHost = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return SCHEME + id.publicKey().toHex().substring(2) + "@" + printedHost + ":" + port;
  }

  @Override
  public String toString() {
    return url();
  }

  private static String stripQuery(String url, String address) {
    int question = address.indexOf('?');
    if (question < 0) {
      return address;
    }
    String query = address.substring(question + 1);
    if (!query.matches("discport=[0-9]{1,5}")) {
      throw new EnodeFormatException(Problem.BAD_QUERY, url, "only ?discport=N is allowed");
    }
    return address.substring(0, question);
  }

  private static int parsePort(String url, String text) {
    if (!text.matches("[0-9]{1,5}")) {
      throw new EnodeFormatException(Problem.BAD_PORT, url, "bad port '" + text + "'");
    }
    int port = Integer.parseInt(text);
    if (port < 1 || port > 65_535) {
      throw new EnodeFormatException(Problem.BAD_PORT, url, "port out of range: " + port);
    }
    return port;
  }
}
