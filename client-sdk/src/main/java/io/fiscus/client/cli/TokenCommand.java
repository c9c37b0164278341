package io.fiscus.client.cli;

import picocli.CommandLine.Command;

/**
 * {@code token}: a bearer token of the acting account, for tools that call the JSON-RPC themselves
 * ({@code curl -H "Authorization: $(fiscus-client --key-file K token)"}).
 */
@Command(
    name = "token",
    description =
        "Print an Authorization header value (Bearer <JWT>) signed by your key, valid for 15"
            + " minutes, for curl and other JSON-RPC tools.")
final class TokenCommand extends ClientCommand {
  @Override
  Output run(Session session) {
    return new Output.Bare("authorization", session.tokens().current().authorizationHeader());
  }
}
