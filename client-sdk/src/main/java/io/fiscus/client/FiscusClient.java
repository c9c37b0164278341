package io.fiscus.client;

import io.fiscus.client.auth.AuthenticatedHttp;
import io.fiscus.client.auth.BearerTokenSource;
import io.fiscus.client.rpc.CbdcNodeStatus;
import io.fiscus.client.rpc.NodeStatus;
import io.fiscus.client.tx.Tracker;
import io.fiscus.client.tx.TransactionSender;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.http.HttpService;

/**
 * Everything one account needs, wired: the node's {@link Fiscus} client, a {@link Tracker}, the
 * account's {@link TransactionSender} and the domain clients acting as that account.
 *
 * <pre>{@code
 * try (FiscusClient client = FiscusClient.connect("http://127.0.0.1:8545/", credentials)) {
 *   client.token().transfer(payee, Amount.parse("12.50")).send();
 * }
 * }</pre>
 *
 * A client made by {@link #connect} authenticates every request with a bearer token signed by the
 * account's key and renewed before it expires ({@link BearerTokenSource}), so it works whether or
 * not the node runs with {@code --rpc-authentication-enabled}. Closing it stops the tracker and the
 * transport.
 */
public final class FiscusClient implements AutoCloseable {
  private final Fiscus fiscus;
  private final TransactionSender sender;
  private final Optional<Authentication> authentication;
  private final boolean ownsSender;

  /**
   * A client acting as the sender's account, over the sender's transport as it is.
   *
   * @param sender the account's sender, over the node it uses
   */
  public FiscusClient(TransactionSender sender) {
    this(sender.fiscus(), sender, Optional.empty(), true);
  }

  private FiscusClient(
      Fiscus fiscus,
      TransactionSender sender,
      Optional<Authentication> authentication,
      boolean ownsSender) {
    this.fiscus = fiscus;
    this.sender = sender;
    this.authentication = authentication;
    this.ownsSender = ownsSender;
  }

  /**
   * Connects to a node over HTTP as the account: asks the node its chain id ({@code eth_chainId},
   * which a node serves without a token) and authenticates every later request with tokens of
   * {@link BearerTokenSource#DEFAULT_LIFETIME}.
   *
   * @param rpcUrl the node's JSON-RPC URL, e.g. {@code http://127.0.0.1:8545/}
   * @param credentials the account's key, see {@link Keys}
   * @return the client
   * @throws FiscusException if the node cannot be reached
   */
  public static FiscusClient connect(String rpcUrl, Credentials credentials) {
    return connect(rpcUrl, credentials, AuthenticatedHttp.tokensFor(rpcUrl, credentials));
  }

  /**
   * Connects to a node over HTTP as the account, with tokens of the caller's making (another
   * lifetime, a reason, a test clock); the chain id is the tokens'.
   *
   * @param rpcUrl the node's JSON-RPC URL
   * @param credentials the account's key, see {@link Keys}
   * @param tokens tokens signed with that key
   * @return the client
   * @throws IllegalArgumentException if the tokens are another account's
   */
  public static FiscusClient connect(
      String rpcUrl, Credentials credentials, BearerTokenSource tokens) {
    OkHttpClient http = HttpService.getOkHttpClientBuilder().build();
    if (!tokens.address().equalsIgnoreCase(credentials.getAddress())) {
      throw new IllegalArgumentException(
          "the tokens are signed by " + tokens.address() + ", not " + credentials.getAddress());
    }
    Authentication authentication = new Authentication(rpcUrl, http, tokens);
    Fiscus fiscus = authentication.fiscus();
    Tracker tracker = new Tracker(fiscus);
    TransactionSender sender =
        new TransactionSender(fiscus, credentials, tokens.chainId(), tracker);
    return new FiscusClient(fiscus, sender, Optional.of(authentication), true);
  }

  /**
   * This account with {@code reason} in every token: a case number or other justification an
   * authority gives when it looks at an account not its own, which the node records with the look.
   * Reads go out with the reason; transactions still go through this client's sender, so nonces
   * stay in one pipeline. Close the returned client when done; this one must stay open meanwhile.
   *
   * <pre>{@code
   * try (FiscusClient audit = auditor.withReason("case 2026-114")) {
   *   audit.history().page(citizen, HistoryQuery.all().withLimit(50)).send();
   * }
   * }</pre>
   *
   * @param reason the reason, non-blank, at most 256 characters
   * @return a client whose requests carry the reason
   * @throws IllegalStateException if this client was not made by {@link #connect}
   * @throws IllegalArgumentException if the reason is blank or too long
   */
  public FiscusClient withReason(String reason) {
    Authentication scoped =
        authentication
            .orElseThrow(
                () -> new IllegalStateException("only a client made by connect() signs tokens"))
            .withReason(reason);
    return new FiscusClient(scoped.fiscus(), sender, Optional.of(scoped), false);
  }

  /**
   * The tokens this client authenticates with.
   *
   * @return the token source, empty for a client made from a sender
   */
  public Optional<BearerTokenSource> tokens() {
    return authentication.map(Authentication::tokens);
  }

  /**
   * The account this client acts as.
   *
   * @return its address
   */
  public String address() {
    return sender.address();
  }

  /**
   * The node's JSON-RPC, for everything the domain clients do not cover.
   *
   * @return the client
   */
  public Fiscus fiscus() {
    return fiscus;
  }

  /**
   * What the node says about itself: height, validators, peers ({@code cbdc_nodeStatus}).
   *
   * @return the status
   */
  public Call<NodeStatus> nodeStatus() {
    return Call.of(fiscus.cbdcNodeStatus()).map(CbdcNodeStatus::getNodeStatus);
  }

  /**
   * The account's transaction sender.
   *
   * @return the sender
   */
  public TransactionSender sender() {
    return sender;
  }

  /**
   * Payments, balances, issuance and redemption.
   *
   * @return a token client acting as this account
   */
  public TokenClient token() {
    return new TokenClient(fiscus, sender);
  }

  /**
   * Accounts, roles, tiers and taxpayers.
   *
   * @return a registry client acting as this account
   */
  public RegistryClient registry() {
    return new RegistryClient(fiscus, sender);
  }

  /**
   * Issuing, paying, cancelling and crediting invoices.
   *
   * @return an invoice client acting as this account
   */
  public InvoiceClient invoices() {
    return new InvoiceClient(fiscus, sender);
  }

  /**
   * Ledger records.
   *
   * @return a ledger client acting as this account
   */
  public LedgerClient ledger() {
    return new LedgerClient(fiscus, sender);
  }

  /**
   * Transfer histories.
   *
   * @return a history client
   */
  public HistoryClient history() {
    return new HistoryClient(fiscus);
  }

  /**
   * Invoice queries and tax summaries.
   *
   * @return a tax authority client
   */
  public TaxAuthorityClient taxAuthority() {
    return new TaxAuthorityClient(fiscus);
  }

  /**
   * Stops the tracker and shuts the transport down; a client made by {@link #withReason} only shuts
   * its own transport.
   */
  @Override
  public void close() {
    if (ownsSender) {
      sender.tracker().close();
      sender.fiscus().shutdown();
    }
    if (fiscus != sender.fiscus()) {
      fiscus.shutdown();
    }
  }

  /** How a connected client makes its transport: the node's URL, the HTTP client, the tokens. */
  private record Authentication(String rpcUrl, OkHttpClient http, BearerTokenSource tokens) {
    Fiscus fiscus() {
      return Fiscus.build(AuthenticatedHttp.service(rpcUrl, http, tokens));
    }

    Authentication withReason(String reason) {
      return new Authentication(rpcUrl, http, tokens.withReason(reason));
    }
  }
}
