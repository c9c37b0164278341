package io.fiscus.rpc.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fiscus.contracts.system.SystemAddresses;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.mempool.NodeAccountSender;
import io.fiscus.mempool.Submission;
import io.fiscus.rpc.RpcException;
import io.fiscus.types.Address;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The recorder on the real pool, executor and chain store, with the test playing the validators.
 */
class OnChainAccessLogTest {
  private static final Duration GENEROUS = Duration.ofSeconds(30);

  private final RecordingChain fixture = new RecordingChain();
  private final PrivateKey nodeKey = fixture.workload.key(3);
  private final Address node = Secp256k1.address(nodeKey);
  private final Address auditor = fixture.workload.account(1);
  private final Address citizen = fixture.workload.account(2);

  private Look look(String reason) {
    return new Look(auditor, citizen, "cbdc_getAccountHistory", reason, 1_767_225_600L);
  }

  @Test
  void aRecordedLookIsOnChainUnderTheNodeAccountWhenRecordReturns() throws Exception {
    OnChainAccessLog accessLog = fixture.accessLog(nodeKey, GENEROUS);
    Look look = look("case 2026/17");

    runWhileCommitting(List.of(() -> accessLog.record(look)));

    RecordingChain.LatestRecord latest = fixture.latest(node, citizen);
    assertThat(latest.version()).isEqualTo(1);
    assertThat(AccessLogCodec.decode(latest.payload())).isEqualTo(look);
    assertThat(latest.blockNumber()).isPositive();
    assertThat(fixture.metrics.accessLogRecorded.get()).isEqualTo(1);
    assertThat(fixture.commits.watchedCount()).isZero();
  }

  @Test
  void concurrentLooksTakeConsecutiveNoncesAndAllBecomeVersions() throws Exception {
    OnChainAccessLog accessLog = fixture.accessLog(nodeKey, GENEROUS);
    List<Runnable> looks = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      Look look = look("case " + i);
      looks.add(() -> accessLog.record(look));
    }

    runWhileCommitting(looks);

    assertThat(fixture.latest(node, citizen).version()).isEqualTo(12);
    assertThat(fixture.chain.chainStore().latestState().nonce(node)).isEqualTo(12);
    assertThat(fixture.metrics.accessLogRecorded.get()).isEqualTo(12);
    assertThat(fixture.metrics.mempoolRejected.labelValues("nonce_too_low").get()).isZero();
  }

  @Test
  void theNextNonceIsTheLargerOfTheStatesAndThePoolsPendingOne() {
    NodeAccountSender sender = fixture.sender(nodeKey);
    assertThat(sender.nextNonce()).isZero();

    for (int i = 0; i < 3; i++) {
      NodeAccountSender.Sent sent =
          sender.submit(
              SystemAddresses.LEDGER_RECORDS,
              AccessLogCodec.recordCall(look("case " + i)),
              hash -> {});
      assertThat(sent.submission()).isInstanceOf(Submission.Accepted.class);
    }
    assertThat(sender.nextNonce()).as("three pending in the pool").isEqualTo(3);

    fixture.commitPooled();
    assertThat(fixture.pool.nextNonce(node)).as("the pool holds none").isEmpty();
    assertThat(sender.nextNonce()).as("from the state").isEqualTo(3);
  }

  @Test
  void anUnregisteredNodeAccountIsRefusedNamingTheFixAndPoolsNothing() {
    PrivateKey outsider = new PrivateKey(BigInteger.valueOf(0xbad_0001L));
    OnChainAccessLog accessLog = fixture.accessLog(outsider, GENEROUS);

    assertThatThrownBy(() -> accessLog.record(look("case 1")))
        .isInstanceOfSatisfying(
            RpcException.class, e -> assertThat(e.code()).isEqualTo(OnChainAccessLog.UNAVAILABLE))
        .hasMessageStartingWith(
            "access log unavailable: node account " + Secp256k1.address(outsider))
        .hasMessageContaining("is not registered")
        .hasMessageContaining("registerAccount");
    assertThat(fixture.pool.pendingCount()).isZero();
    assertThat(fixture.commits.watchedCount()).isZero();
    assertThat(fixture.metrics.accessLogFailures.labelValues("refused").get()).isEqualTo(1);
  }

  @Test
  void withoutABlockInTimeTheLookIsRefused() {
    OnChainAccessLog accessLog = fixture.accessLog(nodeKey, Duration.ofMillis(200));

    assertThatThrownBy(() -> accessLog.record(look("case 1")))
        .isInstanceOfSatisfying(
            RpcException.class, e -> assertThat(e.code()).isEqualTo(OnChainAccessLog.UNAVAILABLE))
        .hasMessageStartingWith("access log unavailable: the record 0x")
        .hasMessageContaining("was not in a final block within 200 ms");
    assertThat(fixture.metrics.accessLogFailures.labelValues("not_final").get()).isEqualTo(1);
    assertThat(fixture.metrics.accessLogRecorded.get()).isZero();
    assertThat(fixture.commits.watchedCount()).isZero();
  }

  @Test
  void aReasonOverTheLimitIsInvalidParamsAndSubmitsNothing() {
    OnChainAccessLog accessLog = fixture.accessLog(nodeKey, GENEROUS);

    assertThatThrownBy(() -> accessLog.record(look("x".repeat(257))))
        .isInstanceOfSatisfying(
            RpcException.class,
            e -> {
              assertThat(e.code()).isEqualTo(RpcException.INVALID_PARAMS);
              assertThat(e.data()).contains("reason is longer than 256 characters");
            });
    assertThat(fixture.pool.pendingCount()).isZero();
    assertThat(fixture.metrics.accessLogFailures.labelValues("invalid").get()).isEqualTo(1);
  }

  /**
   * Runs {@code looks} on their own threads while this thread commits whatever the pool offers,
   * until every look has returned; fails with the first look's exception.
   */
  private void runWhileCommitting(List<Runnable> looks) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(looks.size());
    try {
      List<Future<?>> running = looks.stream().<Future<?>>map(threads::submit).toList();
      long deadline = System.nanoTime() + GENEROUS.toNanos();
      while (!running.stream().allMatch(Future::isDone)) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("looks still waiting after " + GENEROUS);
        }
        if (fixture.commitPooled() == 0) {
          Thread.sleep(5);
        }
      }
      for (Future<?> look : running) {
        getOrRethrow(look);
      }
    } finally {
      threads.shutdownNow();
      threads.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  private static void getOrRethrow(Future<?> look) throws InterruptedException, TimeoutException {
    try {
      look.get(1, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("a look failed", e.getCause());
    }
  }
}
