package io.fiscus.it;

import static io.fiscus.it.LedgerCalls.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.besu.Besu;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;

/**
 * The real {@code fiscus node} process on a generated one-validator network, driven by Web3j: every
 * system-contract function, the {@code cbdc_*} queries, then {@code kill -9} under load and a
 * restart that must keep every transaction whose receipt a client saw.
 */
class SingleValidatorIT {
  private static final String TRANSFER_TOPIC =
      EventEncoder.encode(
          new Event(
              "Transfer",
              List.of(
                  new TypeReference<Address>(true) {},
                  new TypeReference<Address>(true) {},
                  new TypeReference<Uint256>() {})));

  @Test
  void everyContractFunctionWorksFromWeb3jAndSurvivesKill9(@TempDir Path dir) throws Exception {
    TestNetwork network = TestNetwork.generate(dir, 1, 250);
    try (NodeProcess node = network.node(1)) {
      node.start();
      node.awaitServing(Duration.ofSeconds(90));
      try {
        Web3j web3j = Web3j.build(new HttpService(node.rpcUrl()));
        exerciseEveryFunction(network, web3j, new RawRpc(node.rpcUrl()));
        assertThat(
                Besu.build(new HttpService(node.rpcUrl()))
                    .qbftGetValidatorsByBlockNumber(DefaultBlockParameterName.LATEST)
                    .send()
                    .getAccounts())
            .hasSize(1);
        killUnderLoadAndRestart(network, node);
        // A JVM ends on SIGTERM with 128 + 15 once its shutdown hooks have run.
        assertThat(node.stop()).as("exit code after SIGTERM").isEqualTo(143);
        assertThat(node.log()).contains("Fiscus node stopped");
      } catch (Throwable failure) {
        throw new AssertionError("node log:\n" + node.logTail(), failure);
      }
    }
  }

  private static void exerciseEveryFunction(TestNetwork network, Web3j web3j, RawRpc rpc) {
    long chainId = network.chainId;
    Wallet centralBank = new Wallet(web3j, chainId, network.account("central-bank"));
    Wallet bankA = new Wallet(web3j, chainId, network.account("bank-a"));
    Wallet bankB = new Wallet(web3j, chainId, network.account("bank-b"));
    Wallet merchant = new Wallet(web3j, chainId, network.account("merchant"));
    Wallet customer1 = new Wallet(web3j, chainId, network.account("customer-1"));
    Wallet customer2 = new Wallet(web3j, chainId, network.account("customer-2"));
    Wallet taxAuthority = new Wallet(web3j, chainId, network.account("tax-authority"));

    long supplyBefore = decimal(rpc.result("cbdc_getSupply").get("totalSupply"));
    long merchantBefore = decimal(rpc.result("cbdc_getAccount", merchant.address()).get("balance"));
    TransactionReceipt minted =
        succeeds(centralBank.execute(LedgerCalls.mint(bankA.address(), 100_000_000)));
    assertThat(minted.getLogs().get(0).getTopics().get(0)).isEqualTo(TRANSFER_TOPIC);
    succeeds(centralBank.execute(LedgerCalls.mint(bankB.address(), 50_000_000)));
    succeeds(bankA.execute(LedgerCalls.transfer(customer1.address(), 50_000)));
    succeeds(bankA.execute(LedgerCalls.transfer(merchant.address(), 10_000)));
    byte[] reference = Hash.sha3("order-77".getBytes(StandardCharsets.UTF_8));
    TransactionReceipt referenced =
        succeeds(
            customer1.execute(
                LedgerCalls.transferWithReference(merchant.address(), 1_234, reference)));
    assertThat(referenced.getLogs()).hasSize(2);
    succeeds(customer1.execute(LedgerCalls.approve(customer2.address(), 500)));
    succeeds(
        customer2.execute(LedgerCalls.transferFrom(customer1.address(), merchant.address(), 300)));
    succeeds(bankB.execute(LedgerCalls.redeem(1_000)));

    String newcomer = Credentials.create(keyPair()).getAddress();
    succeeds(bankA.execute(LedgerCalls.registerAccount(newcomer, 1)));
    succeeds(bankA.execute(LedgerCalls.setTier(newcomer, 2)));
    succeeds(centralBank.execute(LedgerCalls.grantRole(newcomer, 8)));
    succeeds(centralBank.execute(LedgerCalls.revokeRole(newcomer, 8)));
    succeeds(centralBank.execute(LedgerCalls.setTierLimits(3, 0, 0, 0)));
    succeeds(centralBank.execute(LedgerCalls.freeze(customer2.address(), "court order 42")));
    EthSendTransaction frozen =
        customer2.sendRaw(customer2.sign(LedgerCalls.transfer(merchant.address(), 1)));
    assertThat(frozen.getError().getCode()).isEqualTo(-32000);
    assertThat(frozen.getError().getMessage()).isEqualTo("Sender account is frozen");
    succeeds(centralBank.execute(LedgerCalls.unfreeze(customer2.address())));
    succeeds(taxAuthority.execute(LedgerCalls.registerTaxpayer(customer1.address(), "BUYER-0001")));

    String merchantTaxId = rpc.result("cbdc_getAccount", merchant.address()).get("taxId").asText();
    assertThat(merchantTaxId).isNotEmpty();
    long issueDate = 1_790_000_000L;
    byte[] document = Hash.sha3("<Invoice>INV-1</Invoice>".getBytes(StandardCharsets.UTF_8));
    succeeds(
        merchant.execute(
            LedgerCalls.issueInvoice(
                "INV-1", customer1.address(), issueDate, 10_000, 2_000, 2_000, document)));
    byte[] invoice1 = invoiceId(merchantTaxId, "INV-1");
    succeeds(customer1.execute(LedgerCalls.payInvoice(invoice1)));
    succeeds(
        merchant.execute(
            LedgerCalls.issueInvoice(
                "INV-2", customer1.address(), issueDate + 60, 5_000, 1_000, 2_000, document)));
    succeeds(
        merchant.execute(
            LedgerCalls.cancelInvoice(invoiceId(merchantTaxId, "INV-2"), "wrong amount")));
    succeeds(merchant.execute(LedgerCalls.issueCreditNote(invoice1, "CN-1", 1_000, 200, document)));

    byte[] kind = Hash.sha3("settlement".getBytes(StandardCharsets.UTF_8));
    byte[] key = Hash.sha3("2026-11-25".getBytes(StandardCharsets.UTF_8));
    succeeds(bankA.execute(LedgerCalls.record(kind, key, "v1".getBytes(StandardCharsets.UTF_8))));
    succeeds(bankA.execute(LedgerCalls.record(kind, key, "v2".getBytes(StandardCharsets.UTF_8))));

    TransactionReceipt overdrawn =
        customer1.execute(LedgerCalls.transfer(customer2.address(), 900_000_000));
    assertThat(overdrawn.isStatusOK()).isFalse();
    assertThat(overdrawn.getRevertReason()).isNotBlank();
    JsonNode reverted =
        rpc.call(
            "eth_call",
            Map.of(
                "from",
                customer1.address(),
                "to",
                TOKEN,
                "data",
                LedgerCalls.transfer(customer2.address(), 900_000_000).data()),
            "latest");
    assertThat(reverted.get("error").get("code").asInt()).isEqualTo(3);
    assertThat(reverted.get("error").get("message").asText()).contains("insufficient balance");

    long merchantBalance = merchantBefore + 10_000 + 1_234 + 300 + 12_000;
    JsonNode balance =
        rpc.result(
            "eth_call",
            Map.of("to", TOKEN, "data", LedgerCalls.balanceOf(merchant.address()).data()),
            "latest");
    assertThat(new BigInteger(balance.asText().substring(2), 16)).isEqualTo(merchantBalance);

    JsonNode account = rpc.result("cbdc_getAccount", merchant.address());
    assertThat(account.get("registered").asBoolean()).isTrue();
    assertThat(account.get("balance").asText()).isEqualTo(Long.toString(merchantBalance));
    JsonNode history = rpc.result("cbdc_getAccountHistory", merchant.address(), Map.of());
    List<String> kinds = new ArrayList<>();
    history.get("items").forEach(item -> kinds.add(item.get("kind").asText()));
    assertThat(kinds).contains("transfer", "invoicePayment").hasSize(4);
    JsonNode invoices = rpc.result("cbdc_getInvoices", Map.of("seller", merchant.address()));
    assertThat(invoices.get("items")).hasSize(3);
    JsonNode summary =
        rpc.result(
            "cbdc_getTaxSummary",
            Map.of(
                "seller",
                merchant.address(),
                "fromDate",
                "0x0",
                "toDate",
                "0x" + Long.toHexString(4_000_000_000L)));
    assertThat(summary.get("invoiceCount").asText()).isEqualTo("0x1");
    assertThat(summary.get("netTotal").asText()).isEqualTo("10000");
    assertThat(summary.get("creditNoteCount").asText()).isEqualTo("0x1");
    assertThat(summary.get("paidGrossTotal").asText()).isEqualTo("12000");
    JsonNode records = rpc.result("cbdc_getRecords", Map.of("submitter", bankA.address()));
    assertThat(records.get("items")).hasSize(2);
    JsonNode supply = rpc.result("cbdc_getSupply");
    assertThat(supply.get("totalSupply").asText())
        .isEqualTo(Long.toString(supplyBefore + 150_000_000 - 1_000));
    JsonNode proof = rpc.result("cbdc_getFinalityProof", minted.getTransactionHash());
    assertThat(proof.get("validators")).hasSize(1);
    assertThat(proof.get("txProof").size()).isPositive();
  }

  /**
   * Submits transfers continuously, notes every receipt seen, kills the node with SIGKILL while it
   * works, restarts it, and checks that each seen transaction is still in the same block and that
   * those blocks' state roots did not change.
   */
  private static void killUnderLoadAndRestart(TestNetwork network, NodeProcess node)
      throws InterruptedException {
    Web3j web3j = Web3j.build(new HttpService(node.rpcUrl()));
    Wallet bank = new Wallet(web3j, network.chainId, network.account("bank-a"));
    String to = network.account("customer-2").getAddress();
    Map<String, String> seenBlockOfTransaction = new ConcurrentHashMap<>();
    Map<BigInteger, String> stateRootAt = new ConcurrentHashMap<>();
    AtomicBoolean running = new AtomicBoolean(true);
    List<String> sent = java.util.Collections.synchronizedList(new ArrayList<>());
    Thread load =
        new Thread(
            () -> {
              while (running.get()) {
                try {
                  EthSendTransaction result = bank.sendRaw(bank.sign(LedgerCalls.transfer(to, 1)));
                  if (!result.hasError()) {
                    sent.add(result.getTransactionHash());
                  }
                } catch (RuntimeException connectionLost) {
                  return;
                }
              }
            });
    load.start();
    while (seenBlockOfTransaction.size() < 200) {
      List<String> snapshot;
      synchronized (sent) {
        snapshot = new ArrayList<>(sent);
      }
      for (String hash : snapshot) {
        if (!seenBlockOfTransaction.containsKey(hash)) {
          Wallet.receipt(web3j, hash)
              .ifPresent(
                  receipt -> {
                    seenBlockOfTransaction.put(hash, receipt.getBlockHash());
                    stateRootAt.computeIfAbsent(receipt.getBlockNumber(), n -> stateRoot(web3j, n));
                  });
        }
      }
      Thread.sleep(20);
    }
    node.kill9();
    running.set(false);
    load.join(30_000);

    node.start();
    node.awaitServing(Duration.ofSeconds(90));
    Web3j restarted = Web3j.build(new HttpService(node.rpcUrl()));
    Map<String, String> lost = new LinkedHashMap<>();
    seenBlockOfTransaction.forEach(
        (hash, blockHash) -> {
          String now =
              Wallet.receipt(restarted, hash)
                  .map(TransactionReceipt::getBlockHash)
                  .orElse("missing");
          if (!now.equals(blockHash)) {
            lost.put(hash, now);
          }
        });
    assertThat(lost).as("transactions whose receipt was seen before kill -9").isEmpty();
    stateRootAt.forEach((number, root) -> assertThat(stateRoot(restarted, number)).isEqualTo(root));
  }

  private static String stateRoot(Web3j web3j, BigInteger number) {
    try {
      EthBlock.Block block =
          web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(number), false).send().getBlock();
      return block.getStateRoot();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static TransactionReceipt succeeds(TransactionReceipt receipt) {
    assertThat(receipt.isStatusOK())
        .as(
            "receipt of "
                + receipt.getTransactionHash()
                + " (revert: "
                + receipt.getRevertReason()
                + ")")
        .isTrue();
    return receipt;
  }

  private static long decimal(JsonNode amount) {
    return Long.parseLong(amount.asText());
  }

  private static byte[] invoiceId(String sellerTaxId, String number) {
    return Hash.sha3((sellerTaxId + "/" + number).getBytes(StandardCharsets.UTF_8));
  }

  private static org.web3j.crypto.ECKeyPair keyPair() {
    try {
      return Keys.createEcKeyPair();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
