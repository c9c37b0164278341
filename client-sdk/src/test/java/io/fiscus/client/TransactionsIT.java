package io.fiscus.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fiscus.client.TransactionRejectedException.Rejection;
import io.fiscus.client.events.LedgerEvent;
import io.fiscus.client.events.LedgerEvents;
import io.fiscus.client.rpc.HistoryQuery;
import io.fiscus.client.tx.SubmittedTransaction;
import io.fiscus.client.tx.Tracker;
import io.fiscus.client.tx.TransactionResult;
import io.fiscus.client.tx.TransactionSender;
import io.fiscus.it.NodeProcess;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.http.HttpService;

/**
 * Submitting and following transactions against a real node: pipelined nonces (with a refused
 * transaction in the middle and a second client on the same key), and every typed exception.
 */
class TransactionsIT {
  @RegisterExtension static final TestLedger.PerClass NODE = new TestLedger.PerClass();
  private static TestLedger ledger;

  @BeforeAll
  static void useNode() {
    ledger = NODE.get();
  }

  private static String transfer(String to, long minorUnits) {
    return FunctionEncoder.encode(
        new Function(
            "transfer",
            List.of(new Address(to), new Uint256(BigInteger.valueOf(minorUnits))),
            List.of()));
  }

  @Test
  void manySubmissionsFromOneAccountPipelineAndAllBecomeFinal() {
    Credentials payer = ledger.newAccount(3, Amount.parse("100"));
    TransactionSender sender = ledger.sender(payer);
    String merchant = ledger.address("merchant");

    List<CompletableFuture<SubmittedTransaction>> submitted = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      submitted.add(sender.submit(LedgerEvents.TOKEN, transfer(merchant, 1)).sendAsync());
    }
    List<SubmittedTransaction> accepted = submitted.stream().map(CompletableFuture::join).toList();
    List<TransactionResult> results =
        accepted.stream().map(tx -> tx.finality().sendAsync()).toList().stream()
            .map(CompletableFuture::join)
            .toList();

    long firstNonce = accepted.get(0).nonce();
    assertThat(accepted)
        .extracting(SubmittedTransaction::nonce)
        .containsExactlyElementsOf(
            java.util.stream.LongStream.range(firstNonce, firstNonce + 20).boxed().toList());
    assertThat(results).allSatisfy(r -> assertThat(r.receipt().isStatusOK()).isTrue());
    assertThat(sender.nextNonce()).hasValue(firstNonce + 20);
    assertThat(ledger.client(payer).token().balance(payer.getAddress()).send())
        .isEqualTo(Amount.parse("99.80"));
  }

  @Test
  void aRefusedTransactionInTheMiddleLeavesNoNonceGap() {
    Credentials payer = ledger.newAccount(3, Amount.parse("100"));
    TransactionSender sender = ledger.sender(payer);
    String merchant = ledger.address("merchant");

    List<CompletableFuture<SubmittedTransaction>> submitted = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      submitted.add(sender.submit(LedgerEvents.TOKEN, transfer(merchant, 1)).sendAsync());
    }
    CompletableFuture<SubmittedTransaction> tooLittleGas =
        sender
            .submit(LedgerEvents.TOKEN, transfer(merchant, 1), BigInteger.valueOf(21_000))
            .sendAsync();
    for (int i = 0; i < 3; i++) {
      submitted.add(sender.submit(LedgerEvents.TOKEN, transfer(merchant, 1)).sendAsync());
    }

    assertThatThrownBy(tooLittleGas::join)
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(
            TransactionRejectedException.class,
            rejected -> {
              assertThat(rejected.rejection()).isEqualTo(Rejection.INTRINSIC_GAS);
              assertThat(rejected.code()).isEqualTo(-32003);
            });
    List<TransactionResult> results =
        submitted.stream().map(f -> f.join().finality().send()).toList();
    assertThat(results).hasSize(6);
    long firstNonce = submitted.get(0).join().nonce();
    assertThat(submitted.get(3).join().nonce()).isEqualTo(firstNonce + 3);
    assertThat(ledger.client(payer).token().balance(payer.getAddress()).send())
        .isEqualTo(Amount.parse("99.94"));
  }

  @Test
  void aSenderResynchronizesWhenAnotherClientUsedTheKey() {
    Credentials payer = ledger.newAccount(3, Amount.parse("100"));
    TransactionSender first = ledger.sender(payer);
    TransactionSender second = ledger.sender(payer);
    String merchant = ledger.address("merchant");

    first.execute(LedgerEvents.TOKEN, transfer(merchant, 1)).send();
    second.execute(LedgerEvents.TOKEN, transfer(merchant, 1)).send();
    TransactionResult afterResync = first.execute(LedgerEvents.TOKEN, transfer(merchant, 1)).send();

    assertThat(afterResync.receipt().isStatusOK()).isTrue();
    assertThat(first.nextNonce()).hasValue(3);
    assertThat(second.resync().send()).isEqualTo(3);
  }

  @Test
  void aRevertedPaymentThrowsWithTheReasonTheHashAndTheReceipt() {
    Credentials payer = ledger.newAccount(3, Amount.parse("1"));
    TokenClient token = ledger.client(payer).token();

    assertThatThrownBy(() -> token.transfer(ledger.address("merchant"), Amount.parse("2")).send())
        .isInstanceOfSatisfying(
            TransactionRevertedException.class,
            reverted -> {
              assertThat(reverted.reason()).isEqualTo("insufficient balance");
              assertThat(reverted.receipt().isStatusOK()).isFalse();
              assertThat(reverted.receipt().getTransactionHash())
                  .isEqualTo(reverted.transactionHash());
            });
    CompletableFuture<TransactionResult> async =
        token.transfer(ledger.address("merchant"), Amount.parse("2")).sendAsync();
    assertThatThrownBy(async::join).cause().isInstanceOf(TransactionRevertedException.class);
  }

  @Test
  void frozenAndUnregisteredSendersAreRefusedAtSubmission() {
    Credentials frozen = ledger.newAccount(3, Amount.parse("1"));
    ledger.client("central-bank").registry().freeze(frozen.getAddress(), "inquiry").send();
    Credentials stranger = Keys.generate();

    assertThatThrownBy(
            () ->
                ledger
                    .client(frozen)
                    .token()
                    .transfer(ledger.address("merchant"), Amount.parse("1"))
                    .send())
        .isInstanceOfSatisfying(
            TransactionRejectedException.class,
            rejected -> {
              assertThat(rejected.rejection()).isEqualTo(Rejection.SENDER_FROZEN);
              assertThat(rejected.rpcMessage()).isEqualTo("Sender account is frozen");
            });
    assertThatThrownBy(
            () ->
                ledger
                    .client(stranger)
                    .token()
                    .transfer(ledger.address("merchant"), Amount.parse("1"))
                    .send())
        .isInstanceOfSatisfying(
            TransactionRejectedException.class,
            rejected ->
                assertThat(rejected.rejection()).isEqualTo(Rejection.SENDER_NOT_AUTHORIZED));
  }

  @Test
  void aTransactionNeverIncludedIsNotFinalAfterTheTimeout() {
    try (Tracker impatient =
        new Tracker(
            ledger.fiscus, Duration.ofMillis(600), Duration.ofMillis(50), Optional.empty())) {
      SubmittedTransaction ghost = impatient.follow("0x" + "77".repeat(32));
      assertThatThrownBy(() -> ghost.finality().send())
          .isInstanceOfSatisfying(
              NotFinalException.class,
              notFinal -> assertThat(notFinal.transactionHash()).isEqualTo("0x" + "77".repeat(32)));
    }
  }

  @Test
  void aFinalityCheckDecidesWhetherAnIncludedTransactionIsFinal() {
    AtomicInteger checked = new AtomicInteger();
    Tracker trusting = ledger.tracker.withFinalityCheck(hash -> checked.incrementAndGet());
    Tracker refusing =
        ledger.tracker.withFinalityCheck(
            hash -> {
              throw new FiscusException("proof of " + hash + " does not verify");
            });
    try (trusting;
        refusing) {
      TransactionSender bank =
          new TransactionSender(
              ledger.fiscus, ledger.account("bank-b"), ledger.network.chainId, trusting);
      TransactionResult verified =
          bank.execute(LedgerEvents.TOKEN, transfer(ledger.address("merchant"), 1)).send();
      assertThat(verified.finalityChecked()).isTrue();
      assertThat(checked).hasValue(1);

      TransactionSender doubting =
          new TransactionSender(
              ledger.fiscus, ledger.account("bank-b"), ledger.network.chainId, refusing);
      SubmittedTransaction submitted =
          doubting.submit(LedgerEvents.TOKEN, transfer(ledger.address("merchant"), 1)).send();
      assertThat(submitted.inclusion().send().isStatusOK()).isTrue();
      assertThatThrownBy(() -> submitted.finality().send())
          .isInstanceOf(FiscusException.class)
          .hasMessageContaining("does not verify");
    }
  }

  @Test
  void aSignedTransactionCanBeSubmittedAndFollowedDirectly() {
    SubmittedTransaction submitted =
        ledger
            .sender("bank-a")
            .submit(LedgerEvents.TOKEN, transfer(ledger.address("merchant"), 5))
            .send();
    TransactionResult result = ledger.tracker.follow(submitted.transactionHash()).finality().send();
    assertThat(result.events(LedgerEvent.Transfer.class)).hasSize(1);
  }

  @Test
  void queriesTheNodeRefusesAndViewsThatRevertAreTypedErrors() {
    HistoryClient history = new HistoryClient(ledger.fiscus);
    assertThatThrownBy(
            () ->
                history
                    .page(ledger.address("merchant"), HistoryQuery.all().withCursor("junk"))
                    .send())
        .isInstanceOfSatisfying(
            JsonRpcErrorException.class,
            error -> assertThat(error.code()).isEqualTo(JsonRpcErrorException.INVALID_PARAMS));
    assertThatThrownBy(() -> new RegistryClient(ledger.fiscus).tierLimits(7).send())
        .isInstanceOfSatisfying(
            CallRevertedException.class,
            reverted -> assertThat(reverted.reason()).isEqualTo("invalid tier"));
    assertThatThrownBy(
            () ->
                new TokenClient(ledger.fiscus)
                    .transfer(ledger.address("merchant"), Amount.parse("1")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anUnreachableNodeIsNodeUnavailable() {
    Fiscus nowhere =
        Fiscus.build(new HttpService("http://127.0.0.1:" + NodeProcess.freePort() + "/"));
    try (Tracker tracker = new Tracker(nowhere)) {
      assertThatThrownBy(() -> new TokenClient(nowhere).balance(ledger.address("merchant")).send())
          .isInstanceOf(NodeUnavailableException.class);
      TransactionSender sender =
          new TransactionSender(nowhere, ledger.account("bank-a"), ledger.network.chainId, tracker);
      assertThatThrownBy(
              () ->
                  sender.submit(LedgerEvents.TOKEN, transfer(ledger.address("merchant"), 1)).send())
          .isInstanceOf(NodeUnavailableException.class);
      assertThat(sender.nextNonce()).isEmpty();
    } finally {
      nowhere.shutdown();
    }
  }
}
