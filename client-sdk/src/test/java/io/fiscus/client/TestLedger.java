package io.fiscus.client;

import io.fiscus.client.auth.AuthenticatedHttp;
import io.fiscus.client.auth.BearerTokenSource;
import io.fiscus.client.tx.Tracker;
import io.fiscus.client.tx.TransactionSender;
import io.fiscus.it.NodeProcess;
import io.fiscus.it.TestNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.http.HttpService;

/**
 * One real {@code fiscus} validator on a generated network, shared by the tests of one class, with
 * helpers to act as the demo accounts and to make fresh, funded accounts so tests do not see each
 * other's effects.
 */
final class TestLedger implements AutoCloseable {
  static final long BLOCK_PERIOD_MILLIS = 200;

  final TestNetwork network;
  final NodeProcess node;
  final Fiscus fiscus;
  final Tracker tracker;
  private final AtomicInteger taxIds = new AtomicInteger();
  private final boolean rpcAuthentication;
  private final Map<String, Transport> transports = new ConcurrentHashMap<>();

  private TestLedger(TestNetwork network, NodeProcess node, boolean rpcAuthentication) {
    this.network = network;
    this.node = node;
    this.rpcAuthentication = rpcAuthentication;
    // On a node that wants tokens, the shared transport authenticates as the central bank, and
    // each account sends and follows its transactions over its own (see transport): the node shows
    // a transaction's receipt only to those who may see it.
    this.fiscus = rpcAuthentication ? authenticated(account("central-bank")) : plain(node);
    this.tracker = new Tracker(fiscus);
  }

  private static Fiscus plain(NodeProcess node) {
    return Fiscus.build(new HttpService(node.rpcUrl()));
  }

  private Fiscus authenticated(Credentials credentials) {
    return Fiscus.build(
        AuthenticatedHttp.service(
            node.rpcUrl(), BearerTokenSource.of(credentials, network.chainId)));
  }

  /** The transport and tracker {@code credentials} sends over: its own when tokens are needed. */
  private Transport transport(Credentials credentials) {
    if (!rpcAuthentication) {
      return new Transport(fiscus, tracker);
    }
    return transports.computeIfAbsent(
        credentials.getAddress(),
        address -> {
          Fiscus own = authenticated(credentials);
          return new Transport(own, new Tracker(own));
        });
  }

  private record Transport(Fiscus fiscus, Tracker tracker) {}

  static TestLedger start(Path directory, boolean rpcAuthentication) {
    TestNetwork network =
        TestNetwork.generate(directory, 1, BLOCK_PERIOD_MILLIS, rpcAuthentication);
    NodeProcess node = new NodeProcess(network.nodeConfig(1), NodeProcess.freePort(), List.of());
    node.start();
    node.awaitServing(Duration.ofSeconds(90));
    return new TestLedger(network, node, rpcAuthentication);
  }

  Credentials account(String name) {
    return network.account(name);
  }

  String address(String name) {
    return account(name).getAddress();
  }

  TransactionSender sender(Credentials credentials) {
    Transport transport = transport(credentials);
    return new TransactionSender(
        transport.fiscus(), credentials, network.chainId, transport.tracker());
  }

  TransactionSender sender(String name) {
    return sender(account(name));
  }

  FiscusClient client(String name) {
    return new FiscusClient(sender(name));
  }

  FiscusClient client(Credentials credentials) {
    return new FiscusClient(sender(credentials));
  }

  /** A new account bank-a registers at {@code tier} and pays {@code funding} (if not zero). */
  Credentials newAccount(int tier, Amount funding) {
    Credentials fresh = Keys.generate();
    FiscusClient bank = client("bank-a");
    bank.registry().registerAccount(fresh.getAddress(), tier).send();
    if (!funding.isZero()) {
      bank.token().transfer(fresh.getAddress(), funding).send();
    }
    return fresh;
  }

  /** A new funded tier-3 account that the tax authority registered as a taxpayer. */
  Taxpayer newTaxpayer(Amount funding) {
    Credentials fresh = newAccount(3, funding);
    TaxId taxId = TaxId.of("T" + ProcessHandle.current().pid() + "-" + taxIds.incrementAndGet());
    client("tax-authority").registry().registerTaxpayer(fresh.getAddress(), taxId).send();
    return new Taxpayer(fresh, taxId);
  }

  record Taxpayer(Credentials credentials, TaxId taxId) {
    String address() {
      return credentials.getAddress();
    }
  }

  String logTail() {
    return node.logTail();
  }

  @Override
  public void close() {
    for (Transport transport : transports.values()) {
      transport.tracker().close();
      transport.fiscus().shutdown();
    }
    tracker.close();
    fiscus.shutdown();
    node.close();
  }

  /**
   * One ledger for a test class: started before its first test in a fresh directory, stopped after
   * its last, and the node's log printed when a test fails. Registered as {@code @RegisterExtension
   * static final TestLedger.PerClass NODE = new TestLedger.PerClass();}.
   */
  static final class PerClass
      implements BeforeAllCallback, AfterAllCallback, TestExecutionExceptionHandler {
    private final boolean rpcAuthentication;
    private TestLedger ledger;
    private Path directory;

    /** A node that serves RPC without tokens. */
    PerClass() {
      this(false);
    }

    private PerClass(boolean rpcAuthentication) {
      this.rpcAuthentication = rpcAuthentication;
    }

    /** A node generated with RPC authentication on, as {@code fiscus genesis generate} makes it. */
    static PerClass withRpcAuthentication() {
      return new PerClass(true);
    }

    TestLedger get() {
      return ledger;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
      directory = Files.createTempDirectory("fiscus-sdk-it-");
      ledger = TestLedger.start(directory, rpcAuthentication);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
      try {
        if (ledger != null) {
          ledger.close();
        }
      } finally {
        deleteRecursively(directory);
      }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure)
        throws Throwable {
      if (ledger != null) {
        System.err.println("node log:\n" + ledger.logTail());
      }
      throw failure;
    }

    private static void deleteRecursively(Path root) throws IOException {
      try (Stream<Path> paths = Files.walk(root)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
  }
}
