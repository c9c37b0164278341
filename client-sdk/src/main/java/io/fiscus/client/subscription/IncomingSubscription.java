package io.fiscus.client.subscription;

import static io.fiscus.client.subscription.SubscriptionRequests.filter;
import static io.fiscus.client.subscription.SubscriptionRequests.range;
import static io.fiscus.client.subscription.SubscriptionRequests.request;
import static io.fiscus.client.subscription.SubscriptionRequests.text;
import static io.fiscus.client.subscription.SubscriptionRequests.topicOf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fiscus.client.UnauthorizedException;
import io.fiscus.client.auth.BearerToken;
import io.fiscus.client.auth.BearerTokenSource;
import io.fiscus.client.contracts.TaxInvoices;
import io.fiscus.client.contracts.Token;
import io.fiscus.client.events.LedgerEvents;
import io.fiscus.client.subscription.SubscriptionRequests.Rpc;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.web3j.protocol.ObjectMapperFactory;
import org.web3j.protocol.core.methods.response.Log;

/**
 * The account's own incoming payments and invoices, pushed over a WebSocket ({@code eth_subscribe}
 * to {@code logs}: Token {@code Transfer} to the account, TaxInvoices {@code InvoiceIssued} with
 * the account as buyer). When the connection drops (the node restarts, a network blip, the node
 * closing a slow subscriber) it reconnects with exponential backoff, subscribes again and fetches
 * with {@code eth_getLogs} what it missed since the last head it saw, so no event is lost or
 * delivered twice. Events arrive in block order per kind.
 *
 * <p>On a node with {@code --rpc-authentication-enabled}, give it the account's {@link
 * BearerTokenSource}: the token goes in the upgrade request of each connection, and since the node
 * stops serving a connection's calls once its token expires, the subscription reconnects with a
 * fresh token when the token is due for renewal (the same backfill makes that lossless). A refused
 * token is replaced and the connection retried; without a token source, a refusal stops the
 * subscription with an {@link UnauthorizedException} in {@link #failure()}.
 *
 * <p>The listener runs on the WebSocket's thread: keep it short. A listener that throws stops the
 * subscription; the exception is kept in {@link #failure()}. A gap of more than the node's {@code
 * eth_getLogs} range (10,000 blocks) is not backfilled.
 */
public final class IncomingSubscription implements AutoCloseable {
  private static final Duration INITIAL_BACKOFF = Duration.ofMillis(200);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

  private final URI webSocketUrl;
  private final Optional<BearerTokenSource> tokens;
  private final Consumer<IncomingEvent> listener;
  private final ObjectNode transfersToMe;
  private final ObjectNode invoicesToMe;
  private final ObjectMapper web3jJson = ObjectMapperFactory.getObjectMapper();
  private final ScheduledExecutorService reconnector;
  private final HttpClient http = HttpClient.newHttpClient();
  private final DeliveredLogs delivered = new DeliveredLogs();
  private final Object lock = new Object();

  private WebSocket socket;
  private OptionalLong resumeFrom;
  private int failedAttempts;
  private long reconnects;
  private long renewals;
  private boolean everSubscribed;
  private boolean subscribed;
  private boolean closed;
  private Throwable failure;

  /** Counts connection attempts; callbacks of an older attempt's socket are ignored. */
  private long generation;

  private IncomingSubscription(
      URI webSocketUrl,
      String account,
      OptionalLong fromBlock,
      Optional<BearerTokenSource> tokens,
      Consumer<IncomingEvent> listener) {
    this.webSocketUrl = webSocketUrl;
    this.tokens = tokens;
    this.listener = listener;
    this.resumeFrom = fromBlock;
    String me = topicOf(account);
    this.transfersToMe =
        filter(LedgerEvents.TOKEN, LedgerEvents.topic(Token.TRANSFER_EVENT), 2, me);
    this.invoicesToMe =
        filter(
            LedgerEvents.TAX_INVOICES, LedgerEvents.topic(TaxInvoices.INVOICEISSUED_EVENT), 3, me);
    this.reconnector =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "fiscus-subscription");
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Subscribes; returns at once while the connection is made in the background.
   *
   * @param webSocketUrl the node's WebSocket URL, e.g. {@code ws://127.0.0.1:8545/}
   * @param account the account whose incoming events to deliver
   * @param fromBlock also deliver this account's events from this block on (empty: only new ones)
   * @param listener receives each event once, in block order per kind
   * @return the running subscription; close it to stop
   */
  public static IncomingSubscription start(
      URI webSocketUrl, String account, OptionalLong fromBlock, Consumer<IncomingEvent> listener) {
    return start(webSocketUrl, account, fromBlock, Optional.empty(), listener);
  }

  /**
   * Subscribes with bearer tokens, for a node with {@code --rpc-authentication-enabled}; returns at
   * once while the connection is made in the background.
   *
   * @param webSocketUrl the node's WebSocket URL, e.g. {@code ws://127.0.0.1:8545/}
   * @param account the account whose incoming events to deliver
   * @param fromBlock also deliver this account's events from this block on (empty: only new ones)
   * @param tokens the caller's tokens, see {@link BearerTokenSource#of}
   * @param listener receives each event once, in block order per kind
   * @return the running subscription; close it to stop
   */
  public static IncomingSubscription start(
      URI webSocketUrl,
      String account,
      OptionalLong fromBlock,
      BearerTokenSource tokens,
      Consumer<IncomingEvent> listener) {
    return start(webSocketUrl, account, fromBlock, Optional.of(tokens), listener);
  }

  private static IncomingSubscription start(
      URI webSocketUrl,
      String account,
      OptionalLong fromBlock,
      Optional<BearerTokenSource> tokens,
      Consumer<IncomingEvent> listener) {
    IncomingSubscription subscription =
        new IncomingSubscription(webSocketUrl, account, fromBlock, tokens, listener);
    subscription.connect(0);
    return subscription;
  }

  /**
   * Whether the subscriptions are live right now.
   *
   * @return true while connected and subscribed
   */
  public boolean isSubscribed() {
    synchronized (lock) {
      return subscribed;
    }
  }

  /**
   * How many times the connection was re-established after being lost or renewed (see {@link
   * #renewals()}).
   *
   * @return the count
   */
  public long reconnects() {
    synchronized (lock) {
      return reconnects;
    }
  }

  /**
   * How many times the connection was replaced on purpose, to present a fresh token.
   *
   * @return the count
   */
  public long renewals() {
    synchronized (lock) {
      return renewals;
    }
  }

  /**
   * Why the subscription stopped: its listener threw, or the node refused it without a token.
   *
   * @return the listener's exception, or an {@link UnauthorizedException}
   */
  public Optional<Throwable> failure() {
    synchronized (lock) {
      return Optional.ofNullable(failure);
    }
  }

  /** Unsubscribes and closes the connection; no event is delivered afterwards. */
  @Override
  public void close() {
    WebSocket open;
    synchronized (lock) {
      closed = true;
      subscribed = false;
      open = socket;
      socket = null;
    }
    reconnector.shutdownNow();
    if (open != null) {
      open.abort();
    }
    http.shutdownNow();
  }

  private void connect(long attempt) {
    WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
    Optional<BearerToken> token = tokens.map(BearerTokenSource::current);
    token.ifPresent(t -> builder.header("Authorization", t.authorizationHeader()));
    token.ifPresent(t -> scheduleRenewal(t, attempt));
    // Failures are handled in the callback; the future carries nothing else.
    var unused =
        builder
            .buildAsync(webSocketUrl, new Receiver(attempt))
            .whenComplete(
                (opened, error) -> {
                  if (error != null) {
                    lost(attempt);
                  }
                });
  }

  private boolean isCurrent(long attempt) {
    synchronized (lock) {
      return !closed && attempt == generation;
    }
  }

  /**
   * The node stops serving a connection once its token expires (ADR 0019): replace the connection
   * when the token is due for renewal, with a fresh token and a backfill of what passed meanwhile.
   */
  private void scheduleRenewal(BearerToken token, long attempt) {
    Duration delay =
        Duration.between(
            tokens.orElseThrow().clock().instant(), tokens.orElseThrow().renewalDue(token));
    try {
      var unused =
          reconnector.schedule(
              () -> renew(attempt), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closedMeanwhile) {
      // close() ran meanwhile: nothing to renew.
    }
  }

  private void renew(long attempt) {
    long next;
    WebSocket stale;
    synchronized (lock) {
      if (closed || attempt != generation) {
        return; // that connection is already gone; its successor has its own renewal
      }
      next = ++generation;
      stale = socket;
      socket = null;
      subscribed = false;
      renewals++;
    }
    if (stale != null) {
      stale.abort();
    }
    connect(next);
  }

  /** The node refused the token: sign a new one and retry, or give up if there is none. */
  private void refused(JsonNode error, long attempt) {
    if (tokens.isPresent()) {
      tokens.get().refresh();
      lost(attempt);
      return;
    }
    synchronized (lock) {
      failure =
          new UnauthorizedException(
              "eth_subscribe",
              error.path("message").asText("Unauthorized"),
              error.path("data").isTextual() ? error.path("data").asText() : null);
    }
    close();
  }

  /** The connection of {@code attempt} is gone or never came: try again after the backoff. */
  private void lost(long attempt) {
    long delayMillis;
    long next;
    WebSocket stale;
    synchronized (lock) {
      if (closed || attempt != generation) {
        return;
      }
      next = ++generation;
      stale = socket;
      socket = null;
      subscribed = false;
      long shift = Math.min(failedAttempts, 16);
      delayMillis = Math.min(MAX_BACKOFF.toMillis(), INITIAL_BACKOFF.toMillis() << shift);
      failedAttempts++;
    }
    if (stale != null) {
      stale.abort();
    }
    try {
      var unused = reconnector.schedule(() -> connect(next), delayMillis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closedMeanwhile) {
      // close() ran meanwhile: nothing more to do.
    }
  }

  private void opened(WebSocket webSocket, long attempt) {
    OptionalLong backfillFrom;
    synchronized (lock) {
      if (closed || attempt != generation) {
        webSocket.abort();
        return;
      }
      socket = webSocket;
      backfillFrom = resumeFrom;
    }
    List<String> requests = new ArrayList<>();
    requests.add(request(Rpc.SUBSCRIBE_TRANSFERS, "eth_subscribe", text("logs"), transfersToMe));
    requests.add(request(Rpc.SUBSCRIBE_INVOICES, "eth_subscribe", text("logs"), invoicesToMe));
    requests.add(request(Rpc.SUBSCRIBE_HEADS, "eth_subscribe", text("newHeads")));
    if (backfillFrom.isPresent()) {
      String from = "0x" + Long.toHexString(backfillFrom.getAsLong());
      requests.add(request(Rpc.BACKFILL, "eth_getLogs", range(transfersToMe, from)));
      requests.add(request(Rpc.BACKFILL, "eth_getLogs", range(invoicesToMe, from)));
    }
    // A JDK WebSocket takes one message at a time: each send waits for the previous one.
    CompletableFuture<WebSocket> sending = CompletableFuture.completedFuture(webSocket);
    for (String request : requests) {
      sending = sending.thenCompose(open -> open.sendText(request, true));
    }
    var unused =
        sending.whenComplete(
            (sent, error) -> {
              if (error != null) {
                lost(attempt);
              }
            });
  }

  private void handle(JsonNode message, long attempt) {
    if (!isCurrent(attempt)) {
      return;
    }
    if (message.has("method") && message.path("params").has("result")) {
      JsonNode result = message.get("params").get("result");
      if (result.has("logIndex")) {
        deliver(result);
      } else if (result.has("number")) {
        advance(Long.decode(result.get("number").asText()));
      }
      return;
    }
    int id = message.path("id").asInt(-1);
    if (message.has("error")) {
      if (message.path("error").path("code").asInt() == UnauthorizedException.UNAUTHORIZED) {
        refused(message.get("error"), attempt);
      } else if (id != Rpc.BACKFILL) {
        lost(attempt);
      }
      return;
    }
    if (id == Rpc.BACKFILL && message.get("result") instanceof ArrayNode logs) {
      logs.forEach(this::deliver);
    } else if (id == Rpc.SUBSCRIBE_HEADS) {
      synchronized (lock) {
        if (everSubscribed) {
          reconnects++;
        }
        everSubscribed = true;
        subscribed = true;
        failedAttempts = 0;
      }
    }
  }

  private void deliver(JsonNode logJson) {
    Log log;
    try {
      log = web3jJson.treeToValue(logJson, Log.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return; // not a log: nothing to deliver
    }
    long block = log.getBlockNumber().longValueExact();
    if (!delivered.firstTime(log.getTransactionHash(), log.getLogIndex().longValueExact(), block)) {
      return;
    }
    advance(block);
    LedgerEvents.decode(log)
        .ifPresent(
            event -> {
              try {
                listener.accept(
                    new IncomingEvent(
                        event,
                        log.getTransactionHash(),
                        block,
                        log.getLogIndex().longValueExact()));
              } catch (RuntimeException thrown) {
                synchronized (lock) {
                  failure = thrown;
                }
                close();
              }
            });
  }

  /** Everything up to {@code block} was seen at least partly: resume from it after a drop. */
  private void advance(long block) {
    synchronized (lock) {
      if (resumeFrom.isEmpty() || resumeFrom.getAsLong() < block) {
        resumeFrom = OptionalLong.of(block);
      }
    }
  }

  /** Reassembles text frames into messages and hands them over. */
  private final class Receiver implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();
    private final long attempt;

    Receiver(long attempt) {
      this.attempt = attempt;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
      opened(webSocket, attempt);
      webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String message = partial.toString();
        partial.setLength(0);
        try {
          handle(web3jJson.readTree(message), attempt);
        } catch (JsonProcessingException notJson) {
          lost(attempt);
          return null;
        }
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      lost(attempt);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      lost(attempt);
    }
  }
}
