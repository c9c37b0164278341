package io.fiscus.contracts;

import static io.fiscus.contracts.Ledger.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.abi.AbiReader;
import io.fiscus.contracts.registry.RegistryAccount;
import io.fiscus.contracts.registry.RegistryStore;
import io.fiscus.contracts.registry.Roles;
import io.fiscus.contracts.registry.TierLimits;
import io.fiscus.contracts.system.CallOutcome;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;

class RegistryTest {
  private final Ledger ledger = Ledger.standard();

  private RegistryAccount accountOf(Address address) {
    return RegistryStore.account(ledger.state, address).orElseThrow();
  }

  @Test
  void grantRoleRegistersAnUnknownAccountAtTierThreeFirst() {
    CallOutcome.Success outcome =
        (CallOutcome.Success)
            ledger.send(CENTRAL_BANK, REGISTRY, "grantRole", addr(STRANGER), uint8(Roles.AUDITOR));
    assertThat(outcome.logs()).hasSize(2);
    assertThat(outcome.gasUsed()).isEqualTo(41_000);
    RegistryAccount stranger = accountOf(STRANGER);
    assertThat(stranger.tier()).isEqualTo(3);
    assertThat(stranger.bank()).isEqualTo(CENTRAL_BANK);
    assertThat(stranger.roles()).isEqualTo(Roles.AUDITOR);
  }

  @Test
  void grantRoleChecksInTheDocumentedOrder() {
    ledger.reverts("not registered", STRANGER, REGISTRY, "grantRole", addr(ALICE), uint8(2));
    ledger.reverts("not central bank", BANK, REGISTRY, "grantRole", addr(ALICE), uint8(2));
    ledger.reverts(
        "zero address", CENTRAL_BANK, REGISTRY, "grantRole", addr(Address.ZERO), uint8(2));
    ledger.reverts("invalid role", CENTRAL_BANK, REGISTRY, "grantRole", addr(ALICE), uint8(3));
    ledger.reverts("invalid role", CENTRAL_BANK, REGISTRY, "grantRole", addr(ALICE), uint8(16));
    ledger.reverts(
        "role already granted", CENTRAL_BANK, REGISTRY, "grantRole", addr(BANK), uint8(2));
    ledger.ok(CENTRAL_BANK, REGISTRY, "freeze", addr(ALICE), new Utf8String("order"));
    ledger.reverts("account frozen", CENTRAL_BANK, REGISTRY, "grantRole", addr(ALICE), uint8(2));
    ledger.reverts("frozen", ALICE, TOKEN, "approve", addr(BOB), uint(1));
  }

  @Test
  void theLastCentralBankCannotLoseItsRole() {
    ledger.reverts(
        "last central bank", CENTRAL_BANK, REGISTRY, "revokeRole", addr(CENTRAL_BANK), uint8(1));
    ledger.ok(CENTRAL_BANK, REGISTRY, "grantRole", addr(BANK), uint8(1));
    ledger.ok(CENTRAL_BANK, REGISTRY, "revokeRole", addr(CENTRAL_BANK), uint8(1));
    ledger.reverts("last central bank", BANK, REGISTRY, "revokeRole", addr(BANK), uint8(1));
    ledger.reverts("not central bank", CENTRAL_BANK, REGISTRY, "revokeRole", addr(BANK), uint8(1));
    ledger.reverts("role not granted", BANK, REGISTRY, "revokeRole", addr(ALICE), uint8(2));
    ledger.reverts(
        "account not registered", BANK, REGISTRY, "revokeRole", addr(STRANGER), uint8(2));
  }

  @Test
  void banksRegisterCustomersAndBecomeTheirBank() {
    ledger.reverts("not bank", ALICE, REGISTRY, "registerAccount", addr(STRANGER), uint8(1));
    ledger.reverts("zero address", BANK, REGISTRY, "registerAccount", addr(Address.ZERO), uint8(1));
    ledger.reverts("invalid tier", BANK, REGISTRY, "registerAccount", addr(STRANGER), uint8(4));
    ledger.reverts("already registered", BANK, REGISTRY, "registerAccount", addr(ALICE), uint8(1));
    ledger.ok(BANK, REGISTRY, "registerAccount", addr(STRANGER), uint8(2));
    assertThat(accountOf(STRANGER)).isEqualTo(new RegistryAccount(0, BANK, 2, false, ""));
  }

  @Test
  void onlyTheAccountsBankOrTheCentralBankSetsItsTier() {
    ledger.ok(CENTRAL_BANK, REGISTRY, "grantRole", addr(SHOP), uint8(Roles.BANK));
    ledger.reverts("not account's bank", SHOP, REGISTRY, "setTier", addr(ALICE), uint8(2));
    ledger.reverts("not account's bank", BANK, REGISTRY, "setTier", addr(STRANGER), uint8(2));
    ledger.reverts("invalid tier", BANK, REGISTRY, "setTier", addr(ALICE), uint8(0));
    ledger.reverts(
        "account not registered", CENTRAL_BANK, REGISTRY, "setTier", addr(STRANGER), uint8(2));
    ledger.ok(BANK, REGISTRY, "setTier", addr(ALICE), uint8(2));
    ledger.ok(CENTRAL_BANK, REGISTRY, "setTier", addr(ALICE), uint8(3));
    assertThat(accountOf(ALICE).tier()).isEqualTo(3);
  }

  @Test
  void freezeAndUnfreezeFollowTheirRules() {
    ledger.reverts(
        "invalid reason", CENTRAL_BANK, REGISTRY, "freeze", addr(ALICE), new Utf8String(""));
    ledger.reverts(
        "invalid reason",
        CENTRAL_BANK,
        REGISTRY,
        "freeze",
        addr(ALICE),
        new Utf8String("x".repeat(257)));
    ledger.reverts(
        "account not registered",
        CENTRAL_BANK,
        REGISTRY,
        "freeze",
        addr(STRANGER),
        new Utf8String("x"));
    ledger.reverts(
        "cannot freeze central bank",
        CENTRAL_BANK,
        REGISTRY,
        "freeze",
        addr(CENTRAL_BANK),
        new Utf8String("x"));
    ledger.reverts("not frozen", CENTRAL_BANK, REGISTRY, "unfreeze", addr(ALICE));
    ledger.ok(CENTRAL_BANK, REGISTRY, "freeze", addr(ALICE), new Utf8String("x"));
    ledger.reverts(
        "already frozen", CENTRAL_BANK, REGISTRY, "freeze", addr(ALICE), new Utf8String("x"));
    ledger.ok(CENTRAL_BANK, REGISTRY, "unfreeze", addr(ALICE));
    ledger.reverts("account not registered", CENTRAL_BANK, REGISTRY, "unfreeze", addr(STRANGER));
    assertThat(accountOf(ALICE).frozen()).isFalse();
  }

  @Test
  void tierLimitsHaveReadmeDefaultsAndCanBeSet() {
    Bytes defaults = ledger.view(REGISTRY, "tierLimits", uint8(1));
    AbiReader reader = AbiReader.ofTuple(defaults, 3);
    assertThat(new long[] {reader.uint64(), reader.uint64(), reader.uint64()})
        .containsExactly(100_000, 20_000, 50_000);
    ledger.reverts(
        "amount out of range",
        CENTRAL_BANK,
        REGISTRY,
        "setTierLimits",
        uint8(2),
        uint(1),
        new Uint256(BigInteger.TWO.pow(63)),
        uint(1));
    ledger.reverts(
        "invalid tier",
        CENTRAL_BANK,
        REGISTRY,
        "setTierLimits",
        uint8(0),
        uint(1),
        uint(1),
        uint(1));
    ledger.setLimits(2, new TierLimits(5, 6, 7));
    assertThat(RegistryStore.tierLimits(ledger.state, 2)).isEqualTo(new TierLimits(5, 6, 7));
    CallOutcome invalid =
        ledger.contracts.view(
            ledger.context(STRANGER), ledger.state, REGISTRY, encode("tierLimits", uint8(9)));
    assertThat(((CallOutcome.Reverted) invalid).reason().text()).isEqualTo("invalid tier");
  }

  @Test
  void taxpayersHaveUniqueWellFormedIds() {
    ledger.reverts(
        "not tax authority", BANK, REGISTRY, "registerTaxpayer", addr(ALICE), new Utf8String("A1"));
    for (String bad : new String[] {"", "a/b", "with space", "x".repeat(33), "é"}) {
      ledger.reverts(
          "invalid tax id",
          TAX_AUTHORITY,
          REGISTRY,
          "registerTaxpayer",
          addr(ALICE),
          new Utf8String(bad));
    }
    ledger.reverts(
        "account not registered",
        TAX_AUTHORITY,
        REGISTRY,
        "registerTaxpayer",
        addr(STRANGER),
        new Utf8String("A1"));
    ledger.reverts(
        "already taxpayer",
        TAX_AUTHORITY,
        REGISTRY,
        "registerTaxpayer",
        addr(SHOP),
        new Utf8String("A1"));
    ledger.reverts(
        "tax id taken",
        TAX_AUTHORITY,
        REGISTRY,
        "registerTaxpayer",
        addr(ALICE),
        new Utf8String("DE123456789"));
    ledger.ok(TAX_AUTHORITY, REGISTRY, "registerTaxpayer", addr(ALICE), new Utf8String("A1"));
    Bytes owner = ledger.view(REGISTRY, "accountByTaxId", new Utf8String("A1"));
    assertThat(AbiReader.ofTuple(owner, 1).address()).isEqualTo(ALICE);
  }

  @Test
  void accountOfReturnsTheRecordOrZeros() {
    AbiReader shop = AbiReader.ofTuple(ledger.view(REGISTRY, "accountOf", addr(SHOP)), 6);
    assertThat(shop.bool()).isTrue();
    assertThat(shop.address()).isEqualTo(BANK);
    assertThat(shop.uint8()).isEqualTo(3);
    assertThat(shop.bool()).isFalse();
    assertThat(shop.uint8()).isZero();
    assertThat(shop.string()).isEqualTo("DE123456789");
    shop.end();
    AbiReader unknown = AbiReader.ofTuple(ledger.view(REGISTRY, "accountOf", addr(STRANGER)), 6);
    assertThat(unknown.bool()).isFalse();
    assertThat(word(ledger.view(REGISTRY, "rolesOf", addr(BANK)))).isEqualTo(Roles.BANK);
  }

  @Test
  void dispatchRejectsUnknownAddressesFunctionsValuesAndArguments() {
    ledger.revertsWith("no contract at address", ALICE, STRANGER, encode("transfer"));
    ledger.revertsWith("unknown function", ALICE, TOKEN, Bytes.fromHex("0x1234"));
    ledger.revertsWith("unknown function", ALICE, TOKEN, Bytes.fromHex("0xdeadbeef"));
    Bytes truncated = encode("transfer", addr(BOB), uint(1));
    ledger.revertsWith("invalid arguments", ALICE, TOKEN, truncated.slice(0, truncated.size() - 1));
    CallOutcome withValue =
        ledger.contracts.call(
            ledger.context(ALICE), ledger.state, TOKEN, BigInteger.ONE, encode("decimals"));
    assertThat(((CallOutcome.Reverted) withValue).reason().text()).isEqualTo("value not accepted");
    assertThat(ledger.contracts.gasCost(STRANGER, Bytes.EMPTY)).isEqualTo(21_000);
    assertThat(ledger.contracts.gasCost(TOKEN, encode("decimals"))).isEqualTo(21_000);
  }
}
