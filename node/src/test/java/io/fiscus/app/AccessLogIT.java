package io.fiscus.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fiscus.crypto.Secp256k1;
import io.fiscus.genesis.EnodeUrl;
import io.fiscus.genesis.NodeKeyFile;
import io.fiscus.it.LedgerCalls;
import io.fiscus.it.NodeProcess;
import io.fiscus.it.TestNetwork;
import io.fiscus.rpc.RpcException;
import io.fiscus.rpc.access.AccessLog;
import io.fiscus.rpc.access.AccessLogCodec;
import io.fiscus.rpc.access.Look;
import io.fiscus.rpc.access.OnChainAccessLog;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.http.HttpService;

/**
 * The recorder end to end on a real 4-validator network: validators 1–3 are {@code fiscus}
 * processes, validator 4 runs in this JVM (the composition root, real RocksDB, real p2p) so the
 * test can call the {@link AccessLog} its RPC layer gets. Its records travel by gossip and QBFT
 * like any transaction and are read back from another validator's JSON-RPC; with two validators
 * gone there is no quorum and looks are refused.
 */
class AccessLogIT {
  private static final int VALIDATORS = 4;
  private static final long TIMEOUT_MILLIS = 8_000;
  private static final String RECORD_WRITTEN =
      Hash.sha3String("RecordWritten(address,bytes32,bytes32,uint64,bytes32)");

  @Test
  void looksAreFinalOnAnotherValidatorWhenRecordedAndRefusedWithoutQuorum(@TempDir Path dir)
      throws Exception {
    TestNetwork network = TestNetwork.generate(dir, VALIDATORS, 250);
    List<Integer> p2pPorts = new ArrayList<>();
    List<String> enodes = new ArrayList<>();
    for (int k = 1; k <= VALIDATORS; k++) {
      int port = NodeProcess.freePort();
      p2pPorts.add(port);
      enodes.add(EnodeUrl.of(publicKey(network, k), "127.0.0.1", port));
    }
    List<NodeProcess> processes = new ArrayList<>();
    try {
      for (int k = 1; k < VALIDATORS; k++) {
        NodeProcess process =
            new NodeProcess(
                network.nodeConfig(k),
                p2pPorts.get(k - 1),
                List.of("--bootnodes", others(enodes, k)));
        processes.add(process);
        process.start();
      }
      for (NodeProcess process : processes) {
        process.awaitServing(Duration.ofMinutes(2));
      }
      try (FiscusNode inProcess = FiscusNode.start(inProcessConfig(network, p2pPorts, enodes))) {
        Web3j validator1 = Web3j.build(new HttpService(processes.get(0).rpcUrl()));
        awaitPeers(validator1, VALIDATORS - 1);
        Address node = Secp256k1.address(NodeKeyFile.read(keyFile(network, VALIDATORS)));
        Address auditor = address(network, "auditor");
        List<Look> looks = new ArrayList<>();
        for (String subject : List.of("customer-1", "customer-2", "merchant", "bank-a")) {
          looks.add(
              new Look(
                  auditor,
                  address(network, subject),
                  "cbdc_getAccountHistory",
                  "case 2026/" + subject,
                  System.currentTimeMillis() / 1000));
        }

        recordConcurrently(inProcess.accessLog(), looks);

        for (Look look : looks) {
          Bytes payload = latestPayload(validator1, node, look.subject());
          assertThat(AccessLogCodec.decode(payload)).isEqualTo(look);
        }
        assertThat(recordWrittenLogs(validator1, node)).isEqualTo(looks.size());

        processes.get(1).kill9();
        processes.get(2).kill9();
        Look withoutQuorum =
            new Look(auditor, address(network, "customer-1"), "eth_getLogs", "case 9", 1);
        assertThatThrownBy(() -> inProcess.accessLog().record(withoutQuorum))
            .isInstanceOfSatisfying(
                RpcException.class,
                e -> assertThat(e.code()).isEqualTo(OnChainAccessLog.UNAVAILABLE))
            .hasMessageContaining("access log unavailable")
            .hasMessageContaining("not in a final block within " + TIMEOUT_MILLIS + " ms");
      }
    } finally {
      processes.forEach(NodeProcess::close);
    }
  }

  private static void recordConcurrently(AccessLog accessLog, List<Look> looks) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(looks.size());
    try {
      List<Future<?>> running = new ArrayList<>();
      for (Look look : looks) {
        running.add(threads.submit(() -> accessLog.record(look)));
      }
      for (Future<?> look : running) {
        look.get(2 * TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  /** LedgerRecords {@code latest(node, access-log, subject)}'s payload, by eth_call. */
  private static Bytes latestPayload(Web3j web3j, Address node, Address subject)
      throws IOException {
    Function latest =
        new Function(
            "latest",
            List.of(
                new org.web3j.abi.datatypes.Address(node.toHex()),
                new Bytes32(AccessLogCodec.KIND.bytes().toArray()),
                new Bytes32(AccessLogCodec.key(subject).bytes().toArray())),
            List.of(
                new TypeReference<Uint64>() {},
                new TypeReference<DynamicBytes>() {},
                new TypeReference<Uint64>() {}));
    String result =
        web3j
            .ethCall(
                Transaction.createEthCallTransaction(
                    node.toHex(), LedgerCalls.LEDGER_RECORDS, FunctionEncoder.encode(latest)),
                DefaultBlockParameterName.LATEST)
            .send()
            .getValue();
    @SuppressWarnings("rawtypes")
    List<Type> values = FunctionReturnDecoder.decode(result, latest.getOutputParameters());
    assertThat((BigInteger) values.get(0).getValue()).as("version").isEqualTo(BigInteger.ONE);
    return Bytes.wrap((byte[]) values.get(1).getValue());
  }

  /** How many RecordWritten logs of kind access-log {@code node} submitted. */
  private static int recordWrittenLogs(Web3j web3j, Address node) throws IOException {
    EthFilter filter =
        new EthFilter(
                DefaultBlockParameterName.EARLIEST,
                DefaultBlockParameterName.LATEST,
                LedgerCalls.LEDGER_RECORDS)
            .addSingleTopic(RECORD_WRITTEN)
            .addSingleTopic("0x" + "00".repeat(12) + node.toHex().substring(2))
            .addSingleTopic(AccessLogCodec.KIND.toHex());
    return web3j.ethGetLogs(filter).send().getLogs().size();
  }

  private static void awaitPeers(Web3j web3j, int peers) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (web3j.netPeerCount().send().getQuantity().intValue() < peers) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("validator 1 did not reach " + peers + " peers");
      }
      Thread.sleep(100);
    }
  }

  private static NodeConfig inProcessConfig(
      TestNetwork network, List<Integer> p2pPorts, List<String> enodes) {
    Path directory = network.directory.resolve("validator" + VALIDATORS);
    return InProcessConfigs.withPeers(
        directory.resolve("data"),
        network.directory.resolve("genesis.json"),
        keyFile(network, VALIDATORS),
        p2pPorts.get(VALIDATORS - 1),
        List.of(others(enodes, VALIDATORS).split(",")),
        TIMEOUT_MILLIS);
  }

  private static String others(List<String> enodes, int validator) {
    List<String> others = new ArrayList<>(enodes);
    others.remove(validator - 1);
    return String.join(",", others);
  }

  private static Path keyFile(TestNetwork network, int validator) {
    return network.directory.resolve("validator" + validator).resolve("key");
  }

  private static Bytes publicKey(TestNetwork network, int validator) {
    return Secp256k1.signer().publicKey(NodeKeyFile.read(keyFile(network, validator)));
  }

  private static Address address(TestNetwork network, String account) {
    return Address.fromHex(network.account(account).getAddress());
  }
}
