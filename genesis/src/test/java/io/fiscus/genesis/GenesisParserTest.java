package io.fiscus.genesis;

import static io.fiscus.genesis.TestGenesis.account;
import static io.fiscus.genesis.TestGenesis.config;
import static io.fiscus.genesis.TestGenesis.fiscus;
import static io.fiscus.genesis.TestGenesis.qbft;
import static io.fiscus.genesis.TestGenesis.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fiscus.block.QbftExtraData;
import io.fiscus.block.QbftExtraDataCodec;
import io.fiscus.block.Vote;
import io.fiscus.contracts.GenesisAllocation;
import io.fiscus.contracts.registry.Roles;
import io.fiscus.genesis.GenesisException.Reason;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenesisParserTest {

  private static void assertRejected(Consumer<ObjectNode> change, Reason reason, String message) {
    assertRejected(with(change), reason, message);
  }

  private static void assertRejected(String json, Reason reason, String message) {
    assertThatThrownBy(() -> GenesisParser.parse(json))
        .isInstanceOfSatisfying(
            GenesisException.class, e -> assertThat(e.reason()).isEqualTo(reason))
        .hasMessage(message);
  }

  @Test
  void readsBackExactlyWhatTheWriterWrote() {
    assertThat(GenesisParser.parse(TestGenesis.json())).isEqualTo(TestGenesis.config());
  }

  @Test
  void exposesTheAllocationForTheSystemContracts() {
    GenesisAllocation allocation = GenesisParser.parse(TestGenesis.json()).allocation();

    assertThat(allocation.currencyName()).isEqualTo("Test Money");
    assertThat(allocation.currencySymbol()).isEqualTo("TMY");
    assertThat(allocation.accounts())
        .containsExactly(
            new GenesisAllocation.Account(
                TestGenesis.CENTRAL_BANK, Roles.CENTRAL_BANK, 3, Address.ZERO),
            new GenesisAllocation.Account(
                TestGenesis.BANK, Roles.BANK, 3, TestGenesis.CENTRAL_BANK),
            new GenesisAllocation.Account(TestGenesis.CUSTOMER, 0, 1, TestGenesis.BANK),
            new GenesisAllocation.Account(TestGenesis.MERCHANT, 0, 2, TestGenesis.BANK));
    assertThat(allocation.taxpayers())
        .containsExactly(new GenesisAllocation.Taxpayer(TestGenesis.MERCHANT, "TIN-42"));
    assertThat(allocation.balances())
        .containsExactly(
            new GenesisAllocation.Balance(TestGenesis.BANK, 1_000_000_000),
            new GenesisAllocation.Balance(TestGenesis.CUSTOMER, 40_000));
    assertThat(allocation.tierLimits()).isEqualTo(GenesisGenerator.TIER_LIMITS);
  }

  @Test
  void readFromAFileEqualsReadFromText(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("genesis.json");
    Files.writeString(file, TestGenesis.json());

    assertThat(GenesisParser.parse(file)).isEqualTo(TestGenesis.config());
  }

  @Test
  void aMissingFileIsNamed(@TempDir Path dir) {
    Path file = dir.resolve("nope.json");
    assertThatThrownBy(() -> GenesisParser.parse(file))
        .isInstanceOf(GenesisException.class)
        .hasMessage(file + ": no such file");
  }

  @Test
  void acceptsBesuHeaderKeysAndIgnoresForkMilestonesAndEvmSettings() {
    String json =
        with(
            root -> {
              root.put("nonce", "0x0000000000000000");
              root.put("parentHash", "0x" + "00".repeat(32));
              root.put("number", "0x0");
              root.put("gasUsed", "0x0");
              root.put("baseFeePerGas", "0x0");
              config(root).put("berlinBlock", 0);
              config(root).put("londonBlock", 0);
              config(root).put("shanghaiTime", 0);
              config(root).put("zeroBaseFee", true);
              config(root).put("contractSizeLimit", 2147483647);
              config(root).put("ecCurve", "secp256k1");
              qbft(root).put("messagequeuelimit", 1000);
              qbft(root).put("blockreward", "0x0");
            });

    assertThat(GenesisParser.parse(json)).isEqualTo(TestGenesis.config());
  }

  @Test
  void keysAreCaseInsensitiveAsInBesu() {
    String json =
        with(
            root -> {
              root.set("GASLIMIT", root.remove("gasLimit"));
              config(root).set("chainid", config(root).remove("chainId"));
              qbft(root)
                  .set("BlockPeriodMilliseconds", qbft(root).remove("blockperiodmilliseconds"));
            });

    assertThat(GenesisParser.parse(json)).isEqualTo(TestGenesis.config());
  }

  @Test
  void qbftDefaultsAreOneSecondBlocksFourSecondTimeoutsAndNoEmptyBlocks() {
    String json =
        with(
            root -> {
              config(root).putObject("qbft");
            });

    assertThat(GenesisParser.parse(json).qbft())
        .isEqualTo(new QbftOptions(1_000, 4_000, 30_000, OptionalLong.empty()));
  }

  @Test
  void millisecondsWinOverSeconds() {
    String json =
        with(
            root -> {
              qbft(root).put("blockperiodseconds", 2);
              qbft(root).put("blockperiodmilliseconds", 500);
              qbft(root).put("requesttimeoutseconds", 9);
              qbft(root).put("requesttimeoutmilliseconds", 1500);
            });

    QbftOptions qbft = GenesisParser.parse(json).qbft();
    assertThat(qbft.blockPeriodMillis()).isEqualTo(500);
    assertThat(qbft.requestTimeoutMillis()).isEqualTo(1500);
  }

  @Test
  void secondsAreReadWhenNoMillisecondsAreGiven() {
    String json =
        with(
            root -> {
              qbft(root).remove("blockperiodmilliseconds");
              qbft(root).put("blockperiodseconds", 2);
              qbft(root).remove("requesttimeoutseconds");
              qbft(root).put("requesttimeoutseconds", 7);
            });

    QbftOptions qbft = GenesisParser.parse(json).qbft();
    assertThat(qbft.blockPeriodMillis()).isEqualTo(2_000);
    assertThat(qbft.requestTimeoutMillis()).isEqualTo(7_000);
  }

  @Test
  void emptyBlockPeriodZeroMeansEmptyBlocksAtEveryPeriod() {
    String json = with(root -> qbft(root).put("emptyblockperiodseconds", 0));

    assertThat(GenesisParser.parse(json).qbft().emptyBlockPeriodMillis())
        .isEqualTo(OptionalLong.of(0));
  }

  @Test
  void besuExperimentalEmptyBlockNameIsAnAlias() {
    String json =
        with(
            root -> {
              qbft(root).remove("emptyblockperiodseconds");
              qbft(root).put("xemptyblockperiodseconds", 30);
            });

    assertThat(GenesisParser.parse(json).qbft().emptyBlockPeriodMillis())
        .isEqualTo(OptionalLong.of(30_000));
  }

  @Test
  void absentEmptyBlockPeriodMeansNoEmptyBlocks() {
    String json = with(root -> qbft(root).remove("emptyblockperiodseconds"));

    QbftOptions qbft = GenesisParser.parse(json).qbft();
    assertThat(qbft.emptyBlockPeriodMillis()).isEmpty();
    assertThat(qbft.producesEmptyBlocks()).isFalse();
  }

  @Test
  void validatorsComeFromExtraData() {
    GenesisConfig genesis = GenesisParser.parse(TestGenesis.json());

    assertThat(genesis.validators()).isEqualTo(TestGenesis.VALIDATORS);
    assertThat(genesis.chainId()).isEqualTo(2024);
    assertThat(genesis.gasLimit()).isEqualTo(1_000_000_000);
    assertThat(genesis.timestamp()).isEqualTo(1_700_000_000);
  }

  @Test
  void rejectsMalformedJson() {
    assertThatThrownBy(() -> GenesisParser.parse("{\"config\": "))
        .isInstanceOfSatisfying(
            GenesisException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
        .hasMessageStartingWith("genesis: not valid JSON: ");
  }

  @Test
  void rejectsAKeyGivenTwiceInDifferentCase() {
    assertRejected(
        root -> root.put("GasLimit", "0x1000000"),
        Reason.DUPLICATE,
        "GasLimit: key given twice (keys are case-insensitive; also \"gasLimit\")");
  }

  @Test
  void rejectsAMissingChainId() {
    assertRejected(
        root -> config(root).remove("chainId"), Reason.MISSING, "config.chainId: required");
  }

  @Test
  void rejectsAMissingFiscusSection() {
    assertRejected(
        root -> config(root).remove("fiscus"), Reason.MISSING, "config.fiscus: required");
  }

  @Test
  void rejectsAnUnknownTopLevelKey() {
    assertRejected(
        root -> root.put("stateRoot", "0x00"), Reason.UNSUPPORTED, "stateRoot: unknown key");
  }

  @Test
  void rejectsAnUnknownConfigKey() {
    assertRejected(
        root -> config(root).put("bootnodes", "x"),
        Reason.UNSUPPORTED,
        "config.bootnodes: unknown key");
  }

  @Test
  void rejectsAnotherConsensus() {
    assertRejected(
        root -> config(root).putObject("clique"),
        Reason.UNSUPPORTED,
        "config.clique: Fiscus runs QBFT only; remove this section");
  }

  @Test
  void rejectsTransitions() {
    assertRejected(
        root -> config(root).putObject("transitions"),
        Reason.UNSUPPORTED,
        "config.transitions: transitions are not supported: block period and validators are"
            + " fixed");
  }

  @Test
  void rejectsAnotherCurve() {
    assertRejected(
        root -> config(root).put("ecCurve", "secp256r1"),
        Reason.UNSUPPORTED,
        "config.ecCurve: only secp256k1 is supported, got \"secp256r1\"");
  }

  @Test
  void rejectsContractValidatorMode() {
    assertRejected(
        root ->
            qbft(root)
                .put("validatorcontractaddress", "0x0000000000000000000000000000000000008888"),
        Reason.UNSUPPORTED,
        "config.qbft.validatorcontractaddress: contract validator mode is not supported; list the"
            + " validators in extraData");
  }

  @Test
  void rejectsABlockReward() {
    assertRejected(
        root -> qbft(root).put("blockreward", "0x10"),
        Reason.UNSUPPORTED,
        "config.qbft.blockreward: must be 0: Fiscus has no ether to reward validators with");
  }

  @Test
  void rejectsAnUnknownQbftKey() {
    assertRejected(
        root -> qbft(root).put("blockperiod", 1),
        Reason.UNSUPPORTED,
        "config.qbft.blockperiod: unknown key");
  }

  @Test
  void rejectsABlockPeriodBelowOneHundredMilliseconds() {
    assertRejected(
        root -> qbft(root).put("blockperiodmilliseconds", 50),
        Reason.INVALID,
        "config.qbft.blockperiodmilliseconds: must be 100..60000, got 50");
  }

  @Test
  void rejectsABlockPeriodAboveOneMinute() {
    assertRejected(
        root -> {
          qbft(root).remove("blockperiodmilliseconds");
          qbft(root).put("blockperiodseconds", 61);
        },
        Reason.INVALID,
        "config.qbft.blockperiodseconds: must be 1..60, got 61");
  }

  @Test
  void rejectsBothNamesOfTheEmptyBlockPeriod() {
    assertRejected(
        root -> qbft(root).put("xemptyblockperiodseconds", 1),
        Reason.MISMATCH,
        "config.qbft.xemptyblockperiodseconds: give either emptyblockperiodseconds or"
            + " xemptyblockperiodseconds, not both");
  }

  @Test
  void rejectsANonNumericEpochLength() {
    assertRejected(
        root -> qbft(root).put("epochlength", "often"),
        Reason.INVALID,
        "config.qbft.epochlength: bad number \"often\"");
  }

  @Test
  void rejectsAnyDifficultyButOne() {
    assertRejected(
        root -> root.put("difficulty", "0x2"),
        Reason.INVALID,
        "difficulty: QBFT requires 0x1, got 0x2");
  }

  @Test
  void rejectsAnotherMixHash() {
    assertRejected(
        root -> root.put("mixHash", "0x" + "00".repeat(32)),
        Reason.INVALID,
        "mixHash: QBFT requires 0x63746963616c2062797a616e74696e65206661756c7420746f6c6572616e6365");
  }

  @Test
  void rejectsANonZeroNonce() {
    assertRejected(
        root -> root.put("nonce", "0x42"), Reason.INVALID, "nonce: must be 0 at genesis");
  }

  @Test
  void rejectsAllocEntries() {
    assertRejected(
        root ->
            ((ObjectNode) root.get("alloc"))
                .putObject("fe3b557e8fb62b89f4916b721be55ceb828dbd73")
                .put("balance", "0x1"),
        Reason.UNSUPPORTED,
        "alloc: must be empty: Fiscus has no ether; give balances in"
            + " config.fiscus.accounts[].balance");
  }

  @Test
  void rejectsAGasLimitBelowOneTransaction() {
    assertRejected(
        root -> root.put("gasLimit", "0x10"),
        Reason.INVALID,
        "gasLimit: must be 21000..9223372036854775807, got 16");
  }

  @Test
  void rejectsBadHexInExtraData() {
    assertRejected(
        root -> root.put("extraData", "0xf8zz"), Reason.INVALID, "extraData: bad hex \"0xf8zz\"");
  }

  @Test
  void rejectsExtraDataThatIsNotQbft() {
    assertThatThrownBy(() -> GenesisParser.parse(with(root -> root.put("extraData", "0x1234"))))
        .isInstanceOf(GenesisException.class)
        .hasMessageStartingWith("extraData: not QBFT extraData: ");
  }

  @Test
  void rejectsExtraDataWithoutValidators() {
    String empty = QbftExtraDataCodec.encode(QbftExtraData.genesis(List.of())).toHex();
    assertRejected(
        root -> root.put("extraData", empty),
        Reason.INVALID,
        "extraData: lists no validators (contract validator mode is not supported)");
  }

  @Test
  void rejectsAGenesisVote() {
    Address validator = TestGenesis.VALIDATORS.get(0);
    String voting =
        QbftExtraDataCodec.encode(
                new QbftExtraData(
                    QbftExtraData.ZERO_VANITY,
                    List.of(validator),
                    Optional.of(Vote.toAdd(TestGenesis.address(9))),
                    0,
                    List.of()))
            .toHex();
    assertRejected(
        root -> {
          root.put("extraData", voting);
          fiscus(root).remove("validators");
        },
        Reason.INVALID,
        "extraData: a genesis block carries no vote");
  }

  @Test
  void rejectsAValidatorListThatDiffersFromExtraData() {
    Address stranger = TestGenesis.address(77);
    Address dropped = TestGenesis.VALIDATORS.get(2);
    assertRejected(
        root -> {
          var validators = fiscus(root).putArray("validators");
          validators.add(TestGenesis.VALIDATORS.get(0).toHex());
          validators.add(TestGenesis.VALIDATORS.get(1).toHex());
          validators.add(stranger.toHex());
        },
        Reason.MISMATCH,
        "config.fiscus.validators: does not match the validators in extraData (missing ["
            + dropped
            + "], not in extraData ["
            + stranger
            + "])");
  }

  @Test
  void acceptsTheValidatorListInAnotherOrder() {
    String json =
        with(
            root -> {
              var validators = fiscus(root).putArray("validators");
              TestGenesis.VALIDATORS.reversed().forEach(v -> validators.add(v.toHex()));
            });

    assertThat(GenesisParser.parse(json).validators()).isEqualTo(TestGenesis.VALIDATORS);
  }

  @Test
  void rejectsBadHexInAnAccountAddress() {
    assertRejected(
        root -> account(root, 1).put("address", "0xzz"),
        Reason.INVALID,
        "config.fiscus.accounts[1].address: bad hex \"0xzz\"");
  }

  @Test
  void rejectsAnAddressOfTheWrongLength() {
    assertRejected(
        root -> account(root, 1).put("address", "0x1234"),
        Reason.INVALID,
        "config.fiscus.accounts[1].address: an address has 20 bytes, got 2");
  }

  @Test
  void rejectsTheZeroAddressAsAnAccount() {
    assertRejected(
        root -> account(root, 2).put("address", Address.ZERO.toHex()),
        Reason.INVALID,
        "config.fiscus.accounts[2].address: 0x0 can never be an account");
  }

  @Test
  void rejectsADuplicateAccount() {
    assertRejected(
        root -> account(root, 3).put("address", TestGenesis.CUSTOMER.toHex()),
        Reason.DUPLICATE,
        "config.fiscus.accounts[3].address: duplicate account "
            + TestGenesis.CUSTOMER
            + " (also config.fiscus.accounts[2])");
  }

  @Test
  void rejectsAnUnknownRole() {
    assertRejected(
        root -> account(root, 2).putArray("roles").add("BANKER"),
        Reason.INVALID,
        "config.fiscus.accounts[2].roles[0]: unknown role \"BANKER\" (one of CENTRAL_BANK, BANK,"
            + " TAX_AUTHORITY, AUDITOR)");
  }

  @Test
  void rejectsARoleGivenTwice() {
    assertRejected(
        root -> account(root, 1).putArray("roles").add("BANK").add("BANK"),
        Reason.DUPLICATE,
        "config.fiscus.accounts[1].roles[1]: role BANK given twice");
  }

  @Test
  void rejectsATierOutOfRange() {
    assertRejected(
        root -> account(root, 0).put("tier", 4),
        Reason.INVALID,
        "config.fiscus.accounts[0].tier: must be 1..3, got 4");
  }

  @Test
  void rejectsAnAccountWithoutTier() {
    assertRejected(
        root -> account(root, 2).remove("tier"),
        Reason.MISSING,
        "config.fiscus.accounts[2].tier: required");
  }

  @Test
  void rejectsAnUnknownAccountKey() {
    assertRejected(
        root -> account(root, 2).put("frozen", true),
        Reason.UNSUPPORTED,
        "config.fiscus.accounts[2].frozen: unknown key");
  }

  @Test
  void rejectsABankThatIsNotAnAccount() {
    Address stranger = TestGenesis.address(55);
    assertRejected(
        root -> account(root, 2).put("bank", stranger.toHex()),
        Reason.MISMATCH,
        "config.fiscus.accounts[2].bank: " + stranger + " is not an account of this genesis");
  }

  @Test
  void rejectsABankWithoutTheBankRole() {
    assertRejected(
        root -> account(root, 2).put("bank", TestGenesis.MERCHANT.toHex()),
        Reason.MISMATCH,
        "config.fiscus.accounts[2].bank: "
            + TestGenesis.MERCHANT
            + " holds neither BANK nor CENTRAL_BANK");
  }

  @Test
  void rejectsAGenesisWithoutACentralBank() {
    assertRejected(
        root -> account(root, 0).putArray("roles").add("BANK"),
        Reason.MISSING,
        "config.fiscus.accounts: no account holds CENTRAL_BANK; the chain needs at least one");
  }

  @Test
  void rejectsADuplicateTaxId() {
    assertRejected(
        root -> account(root, 2).put("taxId", "TIN-42"),
        Reason.DUPLICATE,
        "config.fiscus.accounts[3].taxId: duplicate tax id TIN-42 (also"
            + " config.fiscus.accounts[2])");
  }

  @Test
  void rejectsABadTaxId() {
    assertRejected(
        root -> account(root, 3).put("taxId", "A/B"),
        Reason.INVALID,
        "config.fiscus.accounts[3].taxId: bad tax id \"A/B\": 1..32 printable ASCII characters,"
            + " no spaces or '/'");
  }

  @Test
  void rejectsABalanceThatIsNotADecimalString() {
    assertRejected(
        root -> account(root, 2).put("balance", 40000),
        Reason.MALFORMED,
        "config.fiscus.accounts[2].balance: must be a decimal string of minor units, e.g."
            + " \"100000\"");
  }

  @Test
  void rejectsANegativeBalance() {
    assertRejected(
        root -> account(root, 2).put("balance", "-5"),
        Reason.INVALID,
        "config.fiscus.accounts[2].balance: bad decimal amount \"-5\"");
  }

  @Test
  void rejectsABalanceAboveTheTierMaximum() {
    assertRejected(
        root -> account(root, 2).put("balance", "100001"),
        Reason.INVALID,
        "config.fiscus.accounts[2].balance: 100001 is above tier 1's maxBalance 100000");
  }

  @Test
  void rejectsBalancesAddingUpPastTheSupplyLimit() {
    assertRejected(
        root -> account(root, 0).put("balance", Long.toString(Long.MAX_VALUE)),
        Reason.INVALID,
        "config.fiscus.accounts[1].balance: the balances add up to more than 2^63-1");
  }

  @Test
  void rejectsATierLimitThatIsNotANumber() {
    assertRejected(
        root -> ((ObjectNode) fiscus(root).get("tierLimits").get("2")).put("maxTransfer", "lots"),
        Reason.INVALID,
        "config.fiscus.tierLimits.2.maxTransfer: bad decimal amount \"lots\"");
  }

  @Test
  void rejectsLimitsForATierThatDoesNotExist() {
    assertRejected(
        root ->
            ((ObjectNode) fiscus(root).get("tierLimits"))
                .putObject("4")
                .put("maxBalance", "1")
                .put("maxTransfer", "1")
                .put("dailyOutLimit", "1"),
        Reason.UNSUPPORTED,
        "config.fiscus.tierLimits.4: unknown key");
  }

  @Test
  void rejectsABlankCurrencySymbol() {
    assertRejected(
        root -> ((ObjectNode) fiscus(root).get("currency")).put("symbol", " "),
        Reason.INVALID,
        "config.fiscus.currency.symbol: must be 1..16 characters, not blank");
  }

  @Test
  void rejectsAnEmptyAccountList() {
    assertRejected(
        root -> fiscus(root).putArray("accounts"),
        Reason.MALFORMED,
        "config.fiscus.accounts: must be a non-empty array of accounts");
  }

  @Test
  void extraDataBytesArePreservedExactly() {
    GenesisConfig genesis = GenesisParser.parse(TestGenesis.json());

    assertThat(genesis.extraData())
        .isEqualTo(QbftExtraDataCodec.encode(QbftExtraData.genesis(TestGenesis.VALIDATORS)));
    assertThat(genesis.extraData()).isNotEqualTo(Bytes.EMPTY);
  }
}
