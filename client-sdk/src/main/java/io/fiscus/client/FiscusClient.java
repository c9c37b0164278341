package io.fiscus.client;

import io.fiscus.client.rpc.CbdcNodeStatus;
import io.fiscus.client.rpc.NodeStatus;
import io.fiscus.client.tx.Tracker;
import io.fiscus.client.tx.TransactionSender;
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
 * Closing it stops the tracker and the transport.
 */
public final class FiscusClient implements AutoCloseable {
  private final Fiscus fiscus;
  private final TransactionSender sender;

  /**
   * A client acting as the sender's account.
   *
   * @param sender the account's sender, over the node it uses
   */
  public FiscusClient(TransactionSender sender) {
    this.fiscus = sender.fiscus();
    this.sender = sender;
  }

  /**
   * Connects to a node over HTTP and asks it its chain id.
   *
   * @param rpcUrl the node's JSON-RPC URL, e.g. {@code http://127.0.0.1:8545/}
   * @param credentials the account's key, see {@link Keys}
   * @return the client
   * @throws FiscusException if the node cannot be reached
   */
  public static FiscusClient connect(String rpcUrl, Credentials credentials) {
    Fiscus fiscus = Fiscus.build(new HttpService(rpcUrl));
    try {
      return new FiscusClient(TransactionSender.create(fiscus, credentials, new Tracker(fiscus)));
    } catch (FiscusException unreachable) {
      fiscus.shutdown();
      throw unreachable;
    }
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
    return new TokenClient(sender);
  }

  /**
   * Accounts, roles, tiers and taxpayers.
   *
   * @return a registry client acting as this account
   */
  public RegistryClient registry() {
    return new RegistryClient(sender);
  }

  /**
   * Issuing, paying, cancelling and crediting invoices.
   *
   * @return an invoice client acting as this account
   */
  public InvoiceClient invoices() {
    return new InvoiceClient(sender);
  }

  /**
   * Ledger records.
   *
   * @return a ledger client acting as this account
   */
  public LedgerClient ledger() {
    return new LedgerClient(sender);
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

  /** Stops the tracker and shuts the transport down. */
  @Override
  public void close() {
    sender.tracker().close();
    fiscus.shutdown();
  }
}
