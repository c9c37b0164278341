package io.fiscus.client.cli;

import io.fiscus.client.Currency;
import io.fiscus.client.FinalityCheck;
import io.fiscus.client.Fiscus;
import io.fiscus.client.FiscusException;
import io.fiscus.client.Keys;
import io.fiscus.client.TokenClient;
import io.fiscus.client.auth.AuthenticatedHttp;
import io.fiscus.client.auth.BearerTokenSource;
import io.fiscus.client.finality.FinalityVerifier;
import io.fiscus.client.finality.InvalidGenesisException;
import io.fiscus.client.finality.TrustedValidators;
import io.fiscus.client.finality.VerifiedFinality;
import io.fiscus.client.tx.Tracker;
import io.fiscus.client.tx.TransactionSender;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.http.HttpService;

/**
 * One run of a command: the connection to the node, the acting account's key and transaction
 * sender, and the printer, each made from the global options when first needed (a query needs no
 * key; JSON output needs no currency symbol). Given a key, every request carries a bearer token
 * signed with it (with {@code --access-reason} in it, if given), so the same command works against
 * a node with RPC authentication on.
 */
final class Session implements AutoCloseable {
  private final FiscusClientCommand options;
  private final Printer printer;
  private final Map<String, VerifiedFinality> verified = new ConcurrentHashMap<>();
  private HttpService service;
  private Fiscus fiscus;
  private Credentials credentials;
  private Tracker tracker;
  private TransactionSender sender;

  Session(FiscusClientCommand options, PrintWriter out) {
    this.options = options;
    this.printer = new Printer(out, options.json, this::currency);
  }

  Printer printer() {
    return printer;
  }

  /** The node, for queries. */
  Fiscus fiscus() {
    if (fiscus == null) {
      service = transport();
      fiscus = Fiscus.build(service);
    }
    return fiscus;
  }

  /**
   * The bearer tokens of the acting account ({@code --key-file} or {@code --keystore}) for this
   * node's chain, with {@code --access-reason} signed in if given.
   */
  BearerTokenSource tokens() {
    BearerTokenSource tokens =
        AuthenticatedHttp.tokensFor(options.rpcUrl.toString(), credentials());
    return options.reason == null ? tokens : tokens.withReason(options.reason);
  }

  private HttpService transport() {
    String url = options.rpcUrl.toString();
    boolean hasKey = options.keyFile != null || options.keystore != null;
    if (!hasKey) {
      if (options.reason != null) {
        throw new UsageException(
            "--access-reason goes in a token signed by --key-file or --keystore");
      }
      return new HttpService(url);
    }
    return AuthenticatedHttp.service(url, tokens());
  }

  /**
   * Signs and submits the acting account's transactions, and follows each until final within {@code
   * --timeout-seconds}; with {@code --genesis-file}, final means its finality proof checked out
   * against the genesis validators.
   */
  TransactionSender sender() {
    if (sender == null) {
      Credentials key = credentials();
      // The options are checked before anything is sent to the node.
      Optional<TrustedValidators> trusted = trustedValidators();
      tracker =
          new Tracker(
              fiscus(), options.timeout(), Tracker.DEFAULT_POLL_INTERVAL, finalityCheck(trusted));
      sender = TransactionSender.create(fiscus(), key, tracker);
    }
    return sender;
  }

  /** What the client checked itself about a final transaction, if {@code --genesis-file} asked. */
  Optional<VerifiedFinality> verifiedFinality(String transactionHash) {
    return Optional.ofNullable(verified.get(transactionHash));
  }

  private Optional<TrustedValidators> trustedValidators() {
    if (options.genesisFile == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(TrustedValidators.fromGenesis(options.genesisFile));
    } catch (InvalidGenesisException e) {
      throw new UsageException("--genesis-file: " + e.getMessage(), e);
    }
  }

  private Optional<FinalityCheck> finalityCheck(Optional<TrustedValidators> trusted) {
    return trusted.map(
        validators -> {
          FinalityVerifier verifier = new FinalityVerifier(service, validators);
          return hash -> verified.put(hash, verifier.verify(hash));
        });
  }

  /** {@code address} if given, else the acting account's address (so its key is needed). */
  String addressOrOwn(String address) {
    return address != null ? address : credentials().getAddress();
  }

  private Credentials credentials() {
    if (credentials == null) {
      credentials = loadCredentials();
    }
    return credentials;
  }

  private Credentials loadCredentials() {
    if (options.keyFile != null && options.keystore != null) {
      throw new UsageException("give either --key-file or --keystore, not both");
    }
    try {
      if (options.keyFile != null) {
        return Keys.fromPrivateKeyFile(options.keyFile);
      }
      if (options.keystore != null) {
        if (options.passwordFile == null) {
          throw new UsageException("--keystore needs --password-file");
        }
        return Keys.fromKeystore(options.keystore, options.passwordFile);
      }
    } catch (IllegalArgumentException e) {
      throw new UsageException("key file " + options.keyFile + ": " + e.getMessage(), e);
    } catch (FiscusException e) {
      // An unreadable file or a wrong password: the user fixes the options, nothing was sent.
      throw new UsageException(e.getMessage(), e);
    }
    throw new UsageException(
        "this needs the acting account's key: --key-file FILE, or --keystore FILE --password-file"
            + " FILE");
  }

  private Currency currency() {
    return new TokenClient(fiscus()).currency().send();
  }

  @Override
  public void close() {
    if (tracker != null) {
      tracker.close();
    }
    if (fiscus != null) {
      fiscus.shutdown();
    }
  }
}
