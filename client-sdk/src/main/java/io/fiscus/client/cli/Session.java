package io.fiscus.client.cli;

import io.fiscus.client.Call;
import io.fiscus.client.Fiscus;
import io.fiscus.client.FiscusException;
import io.fiscus.client.Keys;
import java.io.PrintWriter;
import java.time.Duration;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;

/**
 * One run of a command: the connection to the node, the acting account's key, and the printer, all
 * made from the global options when first needed (a query needs no key; JSON output needs no
 * currency symbol).
 */
final class Session implements AutoCloseable {
  private final FiscusClient options;
  private final Printer printer;
  private Fiscus fiscus;
  private Credentials credentials;

  Session(FiscusClient options, PrintWriter out) {
    this.options = options;
    this.printer = new Printer(out, options.json, this::currency);
  }

  Printer printer() {
    return printer;
  }

  Fiscus fiscus() {
    if (fiscus == null) {
      fiscus = Fiscus.build(new HttpService(options.rpcUrl.toString()));
    }
    return fiscus;
  }

  /**
   * Sends a JSON-RPC request; a JSON-RPC error or an unreachable node becomes a typed exception.
   */
  <R extends Response<?>> R send(Request<?, R> request) {
    return Call.of(request).send();
  }

  /** The acting account's key, from {@code --key-file} or {@code --keystore}. */
  Credentials credentials() {
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

  /** {@code address} if given, else the acting account's address (so its key is needed). */
  String addressOrOwn(String address) {
    return address != null ? address : credentials().getAddress();
  }

  Duration timeout() {
    return options.timeout();
  }

  private io.fiscus.client.Currency currency() {
    throw new UnsupportedOperationException("needs TokenClient");
  }

  @Override
  public void close() {
    if (fiscus != null) {
      fiscus.shutdown();
    }
  }
}
