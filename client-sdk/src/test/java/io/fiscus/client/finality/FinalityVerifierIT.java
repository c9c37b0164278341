package io.fiscus.client.finality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fiscus.block.BlockHeader;
import io.fiscus.client.finality.FinalityVerificationException.Reason;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.it.LedgerCalls;
import io.fiscus.it.NodeProcess;
import io.fiscus.it.TestNetwork;
import io.fiscus.it.Wallet;
import io.fiscus.it.cluster.Cluster;
import io.fiscus.it.cluster.ClusterNode;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.stream.StreamSupport;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;

/**
 * The verifier against real {@code fiscus node} processes on loopback: a transfer's proof verifies
 * from the genesis file alone and tampered copies fail; on a chain whose validator set grows by a
 * vote, a client seeded from the genesis follows the vote and verifies a block the new set sealed.
 */
class FinalityVerifierIT {
  private static final Duration START = Duration.ofSeconds(90);
  private static final Duration RECOVERY = Duration.ofSeconds(60);

  @Test
  void aRealTransferVerifiesFromTheGenesisAndTamperedProofsFail(@TempDir Path dir)
      throws Exception {
    TestNetwork network = TestNetwork.generate(dir, 1, 250);
    try (NodeProcess node =
        new NodeProcess(network.nodeConfig(1), NodeProcess.freePort(), List.of())) {
      node.start();
      node.awaitServing(START);
      try {
        HttpService http = new HttpService(node.rpcUrl());
        Web3j web3j = Web3j.build(http);
        Wallet centralBank = new Wallet(web3j, network.chainId, network.account("central-bank"));
        Wallet bank = new Wallet(web3j, network.chainId, network.account("bank-a"));
        TransactionReceipt mint = centralBank.execute(LedgerCalls.mint(bank.address(), 1_000_000));
        TransactionReceipt transfer =
            bank.execute(LedgerCalls.transfer(network.account("merchant").getAddress(), 1_250));

        FinalityVerifier verifier =
            new FinalityVerifier(
                http, TrustedValidators.fromGenesis(network.directory.resolve("genesis.json")));
        String validator = validatorAddress(network);
        VerifiedFinality verified = verifier.verify(transfer.getTransactionHash());
        assertThat(verified.blockNumber()).isEqualTo(transfer.getBlockNumber().longValueExact());
        assertThat(verified.blockHash()).isEqualTo(transfer.getBlockHash());
        assertThat(verified.sealers()).containsExactly(validator);
        assertThat(verified.quorum()).isEqualTo(1);
        assertThat(verified.receiptSucceeded()).isTrue();
        assertThat(verified.agreesWith(transfer)).isTrue();
        assertThat(verified.agreesWith(mint)).isFalse();

        assertTamperedProofsFail(verifier, transfer, mint);
      } catch (Throwable failure) {
        throw new AssertionError(failure.getMessage() + "\nnode log:\n" + node.logTail(), failure);
      }
    }
  }

  private static void assertTamperedProofsFail(
      FinalityVerifier verifier, TransactionReceipt transfer, TransactionReceipt mint) {
    String hash = transfer.getTransactionHash();
    FinalityProof proof = verifier.fetchProof(hash);
    FinalityProof mintProof = verifier.fetchProof(mint.getTransactionHash());
    BlockHeader header = Forgery.header(proof);

    assertFails(
        () -> verifier.verify(hash, Forgery.withTransaction(proof, mintProof.transaction())),
        Reason.WRONG_TRANSACTION);
    assertFails(
        () -> verifier.verify(hash, Forgery.withReceipt(proof, mintProof.receipt())),
        Reason.RECEIPT_NOT_PROVEN);
    BlockHeader unsealed = Forgery.editSeals(header, seals -> List.of());
    assertFails(() -> verifier.verify(hash, Forgery.withHeader(proof, unsealed)), Reason.NO_QUORUM);
    BlockHeader strangerSealed =
        Forgery.resealed(header, List.of(new PrivateKey(BigInteger.valueOf(0x5eed))));
    assertFails(
        () -> verifier.verify(hash, Forgery.withHeader(proof, strangerSealed)), Reason.BAD_SEAL);
    assertThat(verifier.verify(hash, proof).transactionHash()).isEqualTo(hash);
  }

  @Test
  void aClientSeededFromTheGenesisFollowsAValidatorVotedIn(@TempDir Path dir) {
    try (Cluster cluster =
        Cluster.builder()
            .validators(1)
            .fullNodes(1)
            .blockPeriodMillis(250)
            .emptyBlockPeriodSeconds(OptionalLong.of(0))
            .build(dir)) {
      diagnosed(
          cluster,
          () -> {
            cluster.start(cluster.nodes());
            ClusterNode validator = cluster.node(0);
            ClusterNode newcomer = cluster.node(1);
            cluster.awaitAllAtLeast(2, START);
            validator.rpc().result("qbft_proposeValidatorVote", newcomer.address(), true);
            cluster.await(
                newcomer.name() + " among the validators",
                RECOVERY,
                () -> validators(validator).contains(newcomer.address()));
            validator.rpc().result("qbft_discardValidatorVote", newcomer.address());

            TestNetwork network = cluster.network();
            Wallet centralBank =
                new Wallet(validator.web3j(), network.chainId, network.account("central-bank"));
            TransactionReceipt mint =
                centralBank.execute(
                    LedgerCalls.mint(network.account("bank-a").getAddress(), 5_000));

            TrustedValidators trusted =
                TrustedValidators.fromGenesis(network.directory.resolve("genesis.json"));
            assertThat(trusted.trustedValidators()).containsExactly(validator.address());
            FinalityVerifier verifier =
                new FinalityVerifier(new HttpService(newcomer.process().rpcUrl()), trusted);
            VerifiedFinality verified = verifier.verify(mint.getTransactionHash());

            assertThat(verified.validators())
                .containsExactlyInAnyOrder(validator.address(), newcomer.address());
            assertThat(verified.quorum()).isEqualTo(2);
            assertThat(verified.sealers())
                .containsExactlyInAnyOrder(validator.address(), newcomer.address());
            assertThat(trusted.trustedHeight()).isEqualTo(verified.blockNumber());
            assertThat(trusted.trustedValidators()).hasSize(2);
          });
    }
  }

  private static List<String> validators(ClusterNode node) {
    return StreamSupport.stream(
            node.rpc().result("qbft_getValidatorsByBlockNumber", "latest").spliterator(), false)
        .map(address -> address.asText().toLowerCase(Locale.ROOT))
        .toList();
  }

  private static String validatorAddress(TestNetwork network) throws Exception {
    String key = Files.readString(network.nodeConfig(1).resolveSibling("key")).trim();
    return Credentials.create(key).getAddress();
  }

  private static void assertFails(ThrowingCallable verification, Reason reason) {
    assertThatThrownBy(verification)
        .isInstanceOf(FinalityVerificationException.class)
        .extracting(e -> ((FinalityVerificationException) e).reason())
        .isEqualTo(reason);
  }

  /** A test body that may throw. */
  private interface Body {
    void run() throws Exception;
  }

  /** Runs {@code body}; a failure carries every node's head and log tail. */
  private static void diagnosed(Cluster cluster, Body body) {
    try {
      body.run();
    } catch (Throwable failure) {
      throw new AssertionError(failure.getMessage() + "\n" + cluster.diagnostics(), failure);
    }
  }
}
