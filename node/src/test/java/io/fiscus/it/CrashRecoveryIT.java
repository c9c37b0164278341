package io.fiscus.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.http.HttpService;

/**
 * {@code kill -9} at arbitrary moments under load, in a loop: every restart must resume at a
 * committed block, and every block seen before any crash must come back with the same hash and
 * state root. The kill moments come from a seed printed on failure.
 */
class CrashRecoveryIT {
  private static final int CRASHES = Integer.getInteger("fiscus.crashes", 6);

  @Test
  void killNineInALoopNeverLosesACommittedBlock(@TempDir Path dir) throws Exception {
    long seed = Long.getLong("fiscus.crashSeed", System.nanoTime());
    Random random = new Random(seed);
    TestNetwork network = TestNetwork.generate(dir, 1, 100);
    Map<Long, JsonNode> seenBlocks = new LinkedHashMap<>();
    try (NodeProcess node = network.node(1)) {
      try {
        for (int crash = 0; crash < CRASHES; crash++) {
          node.start();
          node.awaitServing(Duration.ofSeconds(90));
          RawRpc rpc = new RawRpc(node.rpcUrl());
          for (Map.Entry<Long, JsonNode> seen : seenBlocks.entrySet()) {
            JsonNode now =
                rpc.result("eth_getBlockByNumber", "0x" + Long.toHexString(seen.getKey()), false);
            assertThat(now.get("hash"))
                .as("block " + seen.getKey())
                .isEqualTo(seen.getValue().get("hash"));
            assertThat(now.get("stateRoot")).isEqualTo(seen.getValue().get("stateRoot"));
          }
          loadThenKill(network, node, rpc, seenBlocks, 300 + random.nextInt(2_000));
        }
      } catch (Throwable failure) {
        throw new AssertionError(
            "seed " + seed + " (-Dfiscus.crashSeed), log:\n" + node.logTail(), failure);
      }
    }
  }

  private static void loadThenKill(
      TestNetwork network,
      NodeProcess node,
      RawRpc rpc,
      Map<Long, JsonNode> seenBlocks,
      long loadMillis)
      throws InterruptedException {
    Web3j web3j = Web3j.build(new HttpService(node.rpcUrl()));
    Wallet bank = new Wallet(web3j, network.chainId, network.account("central-bank"));
    String bankA = network.account("bank-a").getAddress();
    AtomicBoolean running = new AtomicBoolean(true);
    Thread load =
        new Thread(
            () -> {
              while (running.get()) {
                try {
                  EthSendTransaction sent = bank.sendRaw(bank.sign(LedgerCalls.mint(bankA, 1)));
                  if (sent.hasError()) {
                    return;
                  }
                } catch (RuntimeException connectionLost) {
                  return;
                }
              }
            });
    load.start();
    Thread.sleep(loadMillis);
    JsonNode head = rpc.result("eth_getBlockByNumber", "latest", false);
    seenBlocks.put(Long.decode(head.get("number").asText()), head);
    node.kill9();
    running.set(false);
    load.join(30_000);
  }
}
