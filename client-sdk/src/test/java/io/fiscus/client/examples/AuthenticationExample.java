package io.fiscus.client.examples;

import io.fiscus.client.FiscusClient;
import io.fiscus.client.UnauthorizedException;
import io.fiscus.client.auth.BearerTokenSource;
import io.fiscus.client.rpc.HistoryItem;
import io.fiscus.client.rpc.HistoryQuery;
import io.fiscus.client.rpc.Page;
import io.fiscus.client.subscription.IncomingSubscription;
import java.net.URI;
import java.util.OptionalLong;
import org.web3j.crypto.Credentials;

/** README: an authority looks at an account with a reason; a subscription with tokens. */
public final class AuthenticationExample {
  private AuthenticationExample() {}

  /** The auditor reads an account's latest movements for a case; returns how many it saw. */
  public static int lookForACase(
      String rpcUrl, Credentials auditor, String account, String caseNumber) {
    // tag::reason[]
    try (FiscusClient client = FiscusClient.connect(rpcUrl, auditor); // tokens signed by auditor
        FiscusClient onCase = client.withReason(caseNumber)) { // e.g. "case 2026-114"
      Page<HistoryItem> page = onCase.history().page(account, HistoryQuery.all()).send();
      System.out.println(page.items().size() + " movements of " + account + ", " + caseNumber);
      return page.items().size();
    } catch (UnauthorizedException e) {
      System.out.println("refused: " + e.reason()); // e.g. "the token has expired (exp)"
      throw e;
    }
    // end::reason[]
  }

  /** Subscribes the client's account to its incoming events; close the result to stop. */
  public static IncomingSubscription subscribe(FiscusClient client, String webSocketUrl) {
    // tag::subscribe[]
    BearerTokenSource tokens = client.tokens().orElseThrow(); // or BearerTokenSource.of(…)
    return IncomingSubscription.start(
        URI.create(webSocketUrl),
        client.address(),
        OptionalLong.empty(),
        tokens, // sent at each connect; the connection is renewed before the token expires
        event -> System.out.println("incoming: " + event.event()));
    // end::subscribe[]
  }
}
