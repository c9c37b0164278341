package io.fiscus.mempool;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.contracts.system.SystemAddresses;
import io.fiscus.rlp.Rlp;
import io.fiscus.rlp.RlpReader;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.tx.TransactionAdmission;
import io.fiscus.tx.TransactionSigner;
import io.fiscus.tx.UnsignedTransaction;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every reason a submission is refused, with the JSON-RPC code and message of RPC.md, and that a
 * refused submission leaves the pool as it was.
 */
class MempoolSubmissionTest {
  private static final int EIP1559_R_INDEX = 10;

  private final PoolFixture fixture = new PoolFixture(6);
  private Mempool pool;

  /** One pending (nonce 0) and one queued (nonce 2) transaction from bank 1. */
  @BeforeEach
  void poolWithOnePendingAndOneQueued() {
    pool = fixture.mempool();
    assertThat(pool.submit(fixture.transfer(1, 0).raw())).isInstanceOf(Submission.Accepted.class);
    assertThat(pool.submit(fixture.transfer(1, 2).raw())).isInstanceOf(Submission.Accepted.class);
  }

  @Test
  void bytesThatAreNoTransactionAreInvalidParams() {
    assertRefused(pool.submit(Bytes.fromHex("0xdeadbeef")), PoolRejection.MALFORMED);
    assertRefused(pool.submit(Bytes.EMPTY), PoolRejection.MALFORMED);
    assertRpcError(PoolRejection.MALFORMED, -32602, "Invalid params");
    assertThat(fixture.rejected(PoolRejection.MALFORMED)).isEqualTo(2);
  }

  @Test
  void aContractCreationIsInvalidParamsWithTheCodecReasonInTheDetail() {
    SignedTransaction creation = signed(PoolFixture.CHAIN_ID, Optional.empty(), 0);
    Submission.Rejected rejected =
        assertRefused(pool.submit(creation.raw()), PoolRejection.MALFORMED);
    assertThat(rejected.detail()).startsWith("contract-creation-not-supported: ");
  }

  @Test
  void aSignatureWithRZeroIsAnInvalidSignature() {
    Bytes raw = fixture.transfer(2, 0).raw();
    List<byte[]> items = new ArrayList<>();
    RlpReader list = RlpReader.of(raw.slice(1, raw.size())).enterList();
    while (list.hasNext()) {
      items.add(list.readRaw());
    }
    items.set(EIP1559_R_INDEX, Rlp.uint(0));
    Bytes doctored = Bytes.of((byte) 0x02).concat(Bytes.wrap(Rlp.list(items)));

    assertRefused(pool.submit(doctored), PoolRejection.INVALID_SIGNATURE);
    assertRpcError(PoolRejection.INVALID_SIGNATURE, -32002, "Invalid signature");
  }

  @Test
  void aTransactionSignedForAnotherChainIsRefused() {
    SignedTransaction other = PoolFixture.tokenCall(fixture.workload.key(2), 1338, 0, 100_000);
    assertRefused(pool.submit(other.raw()), PoolRejection.WRONG_CHAIN_ID);
    assertRpcError(PoolRejection.WRONG_CHAIN_ID, -32000, "Wrong chainId");
  }

  @Test
  void aLegacyTransactionWithoutReplayProtectionIsRefused() {
    SignedTransaction legacy =
        TransactionSigner.withDefaultSigner()
            .sign(
                UnsignedTransaction.legacy(
                    OptionalLong.empty(),
                    0,
                    BigInteger.ZERO,
                    100_000,
                    Optional.of(SystemAddresses.TOKEN),
                    BigInteger.ZERO,
                    fixture.transfer(2, 0).data()),
                fixture.workload.key(2));
    assertRefused(pool.submit(legacy.raw()), PoolRejection.CHAIN_ID_REQUIRED);
    assertRpcError(PoolRejection.CHAIN_ID_REQUIRED, -32000, "ChainId is required");
  }

  @Test
  void aTransactionAboveTheSizeLimitIsInvalidParamsWithItsOwnReason() {
    Bytes oversize = Bytes.wrap(new byte[TransactionAdmission.DEFAULT_RAW_BYTES_MAX + 1]);
    Submission.Rejected rejected =
        assertRefused(pool.submit(oversize), PoolRejection.OVERSIZE_TRANSACTION);
    assertThat(rejected.detail()).startsWith("oversize-transaction: ");
    assertRpcError(PoolRejection.OVERSIZE_TRANSACTION, -32602, "Invalid params");
  }

  @Test
  void aPooledTransactionSubmittedAgainIsKnown() {
    assertRefused(pool.submit(fixture.transfer(1, 0).raw()), PoolRejection.KNOWN_TRANSACTION);
    assertRpcError(PoolRejection.KNOWN_TRANSACTION, -32000, "Known transaction");
  }

  @Test
  void aGasLimitBelowTheCallsCostIsRefused() {
    SignedTransaction cheap =
        PoolFixture.tokenCall(fixture.workload.key(2), PoolFixture.CHAIN_ID, 0, 21_000);
    assertThat(fixture.executor.gasCost(cheap)).isGreaterThan(21_000);
    assertRefused(pool.submit(cheap.raw()), PoolRejection.INTRINSIC_GAS_EXCEEDS_GAS_LIMIT);
    assertRpcError(
        PoolRejection.INTRINSIC_GAS_EXCEEDS_GAS_LIMIT, -32003, "Intrinsic gas exceeds gas limit");
  }

  @Test
  void aGasLimitAboveTheBlockGasLimitIsRefused() {
    SignedTransaction greedy =
        PoolFixture.tokenCall(
            fixture.workload.key(2), PoolFixture.CHAIN_ID, 0, PoolFixture.BLOCK_GAS_LIMIT + 1);
    assertRefused(pool.submit(greedy.raw()), PoolRejection.EXCEEDS_BLOCK_GAS_LIMIT);
    assertRpcError(
        PoolRejection.EXCEEDS_BLOCK_GAS_LIMIT,
        -32005,
        "Transaction gas limit exceeds block gas limit");
  }

  @Test
  void anUnregisteredSenderIsNotAuthorized() {
    SignedTransaction outsider =
        PoolFixture.tokenCall(PoolFixture.OUTSIDER, PoolFixture.CHAIN_ID, 0, 100_000);
    assertRefused(pool.submit(outsider.raw()), PoolRejection.SENDER_NOT_AUTHORIZED);
    assertRpcError(
        PoolRejection.SENDER_NOT_AUTHORIZED,
        -32007,
        "Sender account not authorized to send transactions");
  }

  @Test
  void aFrozenSenderIsRefused() {
    pool.onBlockCommitted(fixture.commit(List.of(fixture.freeze(3, 0))));
    assertRefused(pool.submit(fixture.transfer(3, 0).raw()), PoolRejection.SENDER_FROZEN);
    assertRpcError(PoolRejection.SENDER_FROZEN, -32000, "Sender account is frozen");
  }

  @Test
  void aNonceTheStateAlreadyConsumedIsTooLow() {
    pool.onBlockCommitted(fixture.commit(List.of(fixture.transfer(2, 0))));
    assertRefused(pool.submit(fixture.transfer(2, 0, 7).raw()), PoolRejection.NONCE_TOO_LOW);
    assertRpcError(PoolRejection.NONCE_TOO_LOW, -32001, "Nonce too low");
  }

  @Test
  void aNonceFurtherAheadThanTheDistanceLimitIsRefusedAndTheLimitItselfAccepted() {
    long distance = MempoolConfig.defaults().nonceDistanceMax();
    assertRefused(
        pool.submit(fixture.transfer(2, distance + 1).raw()), PoolRejection.NONCE_TOO_DISTANT);
    assertRpcError(
        PoolRejection.NONCE_TOO_DISTANT,
        -32000,
        "Transaction nonce is too distant from current sender nonce");
    assertThat(pool.submit(fixture.transfer(2, distance).raw()))
        .isInstanceOf(Submission.Accepted.class);
  }

  @Test
  void aSecondTransactionForAPooledNonceIsNotAReplacement() {
    Submission.Rejected rejected =
        assertRefused(
            pool.submit(fixture.transfer(1, 0, 99).raw()), PoolRejection.REPLACEMENT_NOT_ALLOWED);
    assertThat(rejected.detail()).contains("nonce 0");
    assertRpcError(
        PoolRejection.REPLACEMENT_NOT_ALLOWED, -32000, "Replacement transaction underpriced");
    assertThat(pool.get(fixture.transfer(1, 0).hash())).isPresent();
  }

  @Test
  void aFullPoolRefusesAnyNewTransaction() {
    pool = fixture.mempool(config(3, 3, 1_000_000));
    submitAll(fixture.transfer(1, 0), fixture.transfer(2, 0), fixture.transfer(3, 5));
    assertRefused(pool.submit(fixture.transfer(4, 0).raw()), PoolRejection.POOL_FULL, 2, 1);
    assertRpcError(PoolRejection.POOL_FULL, -32000, "Transaction pool is full");
  }

  @Test
  void aSenderAtItsLimitIsRefusedWhileOthersAreStillAccepted() {
    pool = fixture.mempool(config(10, 2, 1_000_000));
    submitAll(fixture.transfer(1, 0), fixture.transfer(1, 1));
    assertRefused(pool.submit(fixture.transfer(1, 2).raw()), PoolRejection.SENDER_QUEUE_FULL, 2, 0);
    assertRpcError(PoolRejection.SENDER_QUEUE_FULL, -32000, "Transaction pool is full");
    assertThat(pool.submit(fixture.transfer(2, 0).raw())).isInstanceOf(Submission.Accepted.class);
  }

  @Test
  void aPoolAtItsByteLimitRefusesTheTransactionThatWouldExceedIt() {
    int size = fixture.transfer(1, 0).raw().size();
    pool = fixture.mempool(config(10, 10, 2L * size + size / 2));
    submitAll(fixture.transfer(1, 0), fixture.transfer(2, 0));
    Submission.Rejected rejected =
        assertRefused(pool.submit(fixture.transfer(3, 0).raw()), PoolRejection.POOL_FULL, 2, 0);
    assertThat(rejected.detail()).contains("bytes");
  }

  private static MempoolConfig config(int transactionsMax, int perSenderMax, long bytesMax) {
    // The raw size limit must fit the pool's byte bound.
    int rawBytesMax = (int) Math.min(1_000, bytesMax);
    return new MempoolConfig(transactionsMax, perSenderMax, 1_000, bytesMax, rawBytesMax, 500);
  }

  private void submitAll(SignedTransaction... transactions) {
    for (SignedTransaction transaction : transactions) {
      assertThat(pool.submit(transaction.raw())).isInstanceOf(Submission.Accepted.class);
    }
  }

  private Submission.Rejected assertRefused(Submission submission, PoolRejection reason) {
    return assertRefused(submission, reason, 1, 1);
  }

  /** The refusal's reason, and that the pool kept exactly what it held before. */
  private Submission.Rejected assertRefused(
      Submission submission, PoolRejection reason, int pending, int queued) {
    assertThat(submission).isInstanceOf(Submission.Rejected.class);
    Submission.Rejected rejected = (Submission.Rejected) submission;
    assertThat(rejected.reason()).isEqualTo(reason);
    assertThat(rejected.detail()).isNotBlank();
    assertThat(pool.pendingCount()).isEqualTo(pending);
    assertThat(pool.queuedCount()).isEqualTo(queued);
    assertThat(fixture.metrics.mempoolPending.get()).isEqualTo(pending);
    assertThat(fixture.metrics.mempoolQueued.get()).isEqualTo(queued);
    assertThat(fixture.rejected(reason)).isPositive();
    return rejected;
  }

  private static void assertRpcError(PoolRejection reason, int code, String message) {
    assertThat(reason.code()).isEqualTo(code);
    assertThat(reason.message()).isEqualTo(message);
  }

  private SignedTransaction signed(long chainId, Optional<Address> to, long nonce) {
    return TransactionSigner.withDefaultSigner()
        .sign(
            UnsignedTransaction.eip1559(
                chainId,
                nonce,
                BigInteger.ZERO,
                BigInteger.ZERO,
                100_000,
                to,
                BigInteger.ZERO,
                Bytes.EMPTY,
                List.of()),
            fixture.workload.key(2));
  }
}
