package io.fiscus.contracts;

import static io.fiscus.contracts.Ledger.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.block.Log;
import io.fiscus.contracts.registry.TierLimits;
import io.fiscus.contracts.system.CallOutcome;
import io.fiscus.contracts.token.TokenStore;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.generated.Uint256;

class TokenTest {
  private final Ledger ledger = Ledger.standard();

  private void fundAlice(long amount) {
    ledger.ok(BANK, TOKEN, "transfer", addr(ALICE), uint(amount));
  }

  @Test
  void genesisBalancesCountAsIssuedAndMakeUpTheSupply() {
    assertThat(word(ledger.view(TOKEN, "totalSupply"))).isEqualTo(100_000_000L);
    assertThat(word(ledger.view(TOKEN, "issued"))).isEqualTo(100_000_000L);
    assertThat(word(ledger.view(TOKEN, "decimals"))).isEqualTo(2);
    assertThat(word(ledger.view(TOKEN, "balanceOf", addr(BANK)))).isEqualTo(100_000_000L);
  }

  @Test
  void transferMovesTheAmountAndEmitsTransferFromTheTokenAddress() {
    CallOutcome outcome = ledger.send(BANK, TOKEN, "transfer", addr(ALICE), uint(5_000));
    assertThat(outcome).isInstanceOf(CallOutcome.Success.class);
    CallOutcome.Success success = (CallOutcome.Success) outcome;
    assertThat(word(success.returnData())).isEqualTo(1);
    assertThat(success.gasUsed()).isEqualTo(36_000);
    assertThat(ledger.balance(ALICE)).isEqualTo(5_000);
    assertThat(ledger.balance(BANK)).isEqualTo(100_000_000L - 5_000);
    Log log = success.logs().getFirst();
    assertThat(log.address()).isEqualTo(TOKEN);
    assertThat(log.topics())
        .containsExactly(
            Hash.fromHex("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"),
            io.fiscus.abi.AbiWriter.addressTopic(BANK),
            io.fiscus.abi.AbiWriter.addressTopic(ALICE));
    assertThat(word(log.data())).isEqualTo(5_000);
  }

  @Test
  void amountChecksComeBeforeTheTransferRules() {
    ledger.reverts(
        "amount out of range",
        ALICE,
        TOKEN,
        "transfer",
        addr(STRANGER),
        new Uint256(BigInteger.ONE.shiftLeft(63)));
    ledger.reverts("amount must be positive", ALICE, TOKEN, "transfer", addr(STRANGER), uint(0));
  }

  @Test
  void everyTransferRuleRevertsWithItsReasonAndChangesNothing() {
    fundAlice(30_000);
    ledger.reverts("not registered", STRANGER, TOKEN, "transfer", addr(ALICE), uint(1));
    ledger.reverts("recipient not registered", ALICE, TOKEN, "transfer", addr(STRANGER), uint(1));
    ledger.reverts(
        "recipient not registered", ALICE, TOKEN, "transfer", addr(Address.ZERO), uint(1));
    ledger.reverts("insufficient balance", ALICE, TOKEN, "transfer", addr(BOB), uint(30_001));
    ledger.reverts("over max transfer", ALICE, TOKEN, "transfer", addr(BOB), uint(20_001));
    ledger.ok(BANK, TOKEN, "transfer", addr(BOB), uint(95_000));
    ledger.reverts("over max balance", ALICE, TOKEN, "transfer", addr(BOB), uint(5_001));
    ledger.ok(ALICE, TOKEN, "transfer", addr(BOB), uint(5_000));
    ledger.ok(
        CENTRAL_BANK,
        REGISTRY,
        "freeze",
        addr(BOB),
        new org.web3j.abi.datatypes.Utf8String("court order 7"));
    ledger.reverts("recipient frozen", ALICE, TOKEN, "transfer", addr(BOB), uint(1));
    ledger.reverts("frozen", BOB, TOKEN, "transfer", addr(ALICE), uint(1));
  }

  @Test
  void dailyOutflowLimitCountsTheUtcDayAndResetsTheNextDay() {
    ledger.setLimits(1, new TierLimits(0, 0, 30_000));
    fundAlice(100_000);
    ledger.ok(ALICE, TOKEN, "transfer", addr(BOB), uint(20_000));
    ledger.reverts("over daily limit", ALICE, TOKEN, "transfer", addr(BOB), uint(10_001));
    ledger.ok(ALICE, TOKEN, "transfer", addr(BOB), uint(10_000));
    ledger.timestamp += 86_400;
    ledger.ok(ALICE, TOKEN, "transfer", addr(BOB), uint(30_000));
    assertThat(TokenStore.dailyOutflow(ledger.state, ALICE).amount()).isEqualTo(30_000);
  }

  @Test
  void roleHoldersAreExemptFromTierLimits() {
    ledger.setLimits(3, new TierLimits(1, 1, 1));
    ledger.ok(BANK, TOKEN, "transfer", addr(SHOP), uint(1));
    ledger.ok(BANK, TOKEN, "transfer", addr(CENTRAL_BANK), uint(50_000));
    ledger.reverts("over max balance", BANK, TOKEN, "transfer", addr(SHOP), uint(1));
  }

  @Test
  void selfTransferKeepsTheBalanceAndCountsAsOutflow() {
    fundAlice(100_000);
    ledger.ok(ALICE, TOKEN, "transfer", addr(ALICE), uint(20_000));
    assertThat(ledger.balance(ALICE)).isEqualTo(100_000);
    assertThat(TokenStore.dailyOutflow(ledger.state, ALICE).amount()).isEqualTo(20_000);
  }

  @Test
  void mintIssuesToBanksOnlyFromTheCentralBank() {
    ledger.reverts("not central bank", BANK, TOKEN, "mint", addr(BANK), uint(1));
    ledger.reverts("not a bank", CENTRAL_BANK, TOKEN, "mint", addr(ALICE), uint(1));
    ledger.reverts("amount must be positive", CENTRAL_BANK, TOKEN, "mint", addr(BANK), uint(0));
    ledger.reverts(
        "amount out of range", CENTRAL_BANK, TOKEN, "mint", addr(BANK), uint(Long.MAX_VALUE));
    CallOutcome.Success minted =
        (CallOutcome.Success) ledger.send(CENTRAL_BANK, TOKEN, "mint", addr(BANK), uint(7));
    assertThat(minted.logs()).hasSize(2);
    assertThat(minted.gasUsed()).isEqualTo(41_000);
    assertThat(word(ledger.view(TOKEN, "issued"))).isEqualTo(100_000_007L);
  }

  @Test
  void mintToAFrozenBankReverts() {
    ledger.ok(
        CENTRAL_BANK, REGISTRY, "freeze", addr(BANK), new org.web3j.abi.datatypes.Utf8String("x"));
    ledger.reverts("recipient frozen", CENTRAL_BANK, TOKEN, "mint", addr(BANK), uint(1));
  }

  @Test
  void redeemBurnsFromABank() {
    ledger.reverts("not bank", ALICE, TOKEN, "redeem", uint(1));
    ledger.reverts("insufficient balance", BANK, TOKEN, "redeem", uint(100_000_001L));
    ledger.ok(BANK, TOKEN, "redeem", uint(1_000));
    assertThat(word(ledger.view(TOKEN, "redeemed"))).isEqualTo(1_000);
    assertThat(word(ledger.view(TOKEN, "totalSupply"))).isEqualTo(100_000_000L - 1_000);
  }

  @Test
  void transferFromSpendsTheAllowanceUnderTheSendersRules() {
    fundAlice(10_000);
    ledger.reverts("zero address", ALICE, TOKEN, "approve", addr(Address.ZERO), uint(1));
    ledger.ok(ALICE, TOKEN, "approve", addr(BOB), uint(3_000));
    assertThat(word(ledger.view(TOKEN, "allowance", addr(ALICE), addr(BOB)))).isEqualTo(3_000);
    ledger.reverts(
        "insufficient allowance", BOB, TOKEN, "transferFrom", addr(ALICE), addr(BOB), uint(3_001));
    // "sender not registered" cannot be reached: an unregistered owner can never approve.
    ledger.ok(BOB, TOKEN, "transferFrom", addr(ALICE), addr(SHOP), uint(2_000));
    assertThat(ledger.balance(SHOP)).isEqualTo(2_000);
    assertThat(word(ledger.view(TOKEN, "allowance", addr(ALICE), addr(BOB)))).isEqualTo(1_000);
    ledger.ok(
        CENTRAL_BANK, REGISTRY, "freeze", addr(ALICE), new org.web3j.abi.datatypes.Utf8String("x"));
    ledger.reverts(
        "sender frozen", BOB, TOKEN, "transferFrom", addr(ALICE), addr(SHOP), uint(1_000));
  }

  @Test
  void transferWithReferenceAlsoEmitsThePaymentReference() {
    Hash reference = Hash.fromHex("0x" + "ab".repeat(32));
    CallOutcome.Success outcome =
        (CallOutcome.Success)
            ledger.send(
                BANK, TOKEN, "transferWithReference", addr(ALICE), uint(10), bytes32(reference));
    assertThat(outcome.logs()).hasSize(2);
    assertThat(outcome.logs().get(1).topics()).hasSize(4).endsWith(reference);
  }

  @Test
  void nameAndSymbolComeFromTheGenesis() {
    Bytes name = ledger.view(TOKEN, "name");
    assertThat(io.fiscus.abi.AbiReader.ofTuple(name, 1).string()).isEqualTo("Digital Euro");
    assertThat(io.fiscus.abi.AbiReader.ofTuple(ledger.view(TOKEN, "symbol"), 1).string())
        .isEqualTo("DEUR");
  }
}
