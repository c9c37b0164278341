package io.fiscus.contracts.registry;

import static io.fiscus.contracts.system.ContractRevert.require;
import static io.fiscus.contracts.system.SystemAddresses.REGISTRY;

import io.fiscus.abi.AbiReader;
import io.fiscus.abi.AbiSignatures;
import io.fiscus.abi.AbiWriter;
import io.fiscus.contracts.system.ContractFunction;
import io.fiscus.contracts.system.ContractRevert;
import io.fiscus.contracts.system.Events;
import io.fiscus.contracts.system.Invocation;
import io.fiscus.contracts.system.RevertReason;
import io.fiscus.contracts.system.SystemContract;
import io.fiscus.state.StateChanges;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The Registry at {@code 0x…cb00}: roles, accounts, wallet tiers and their limits, taxpayers and
 * freezes. Rules and revert reasons: {@code IRegistry.sol} and {@code contracts/README.md}.
 */
public final class Registry implements SystemContract {
  /** Gas of every state-changing function, on top of the transaction base cost. */
  public static final long WRITE_GAS = 20_000;

  static final Hash ROLE_GRANTED = AbiSignatures.topic("RoleGranted(address,uint8,address)");
  static final Hash ROLE_REVOKED = AbiSignatures.topic("RoleRevoked(address,uint8,address)");
  static final Hash ACCOUNT_REGISTERED =
      AbiSignatures.topic("AccountRegistered(address,address,uint8)");
  static final Hash TIER_CHANGED = AbiSignatures.topic("TierChanged(address,uint8)");
  static final Hash ACCOUNT_FROZEN = AbiSignatures.topic("AccountFrozen(address,string)");
  static final Hash ACCOUNT_UNFROZEN = AbiSignatures.topic("AccountUnfrozen(address)");
  static final Hash TAXPAYER_REGISTERED = AbiSignatures.topic("TaxpayerRegistered(address,string)");
  static final Hash TIER_LIMITS_CHANGED =
      AbiSignatures.topic("TierLimitsChanged(uint8,uint256,uint256,uint256)");

  /** Every event's canonical signature, for the ABI drift test. */
  public static final List<String> EVENTS =
      List.of(
          "RoleGranted(address,uint8,address)",
          "RoleRevoked(address,uint8,address)",
          "AccountRegistered(address,address,uint8)",
          "TierChanged(address,uint8)",
          "AccountFrozen(address,string)",
          "AccountUnfrozen(address)",
          "TaxpayerRegistered(address,string)",
          "TierLimitsChanged(uint8,uint256,uint256,uint256)");

  private static final int REASON_BYTES_MAX = 256;

  private final List<ContractFunction> functions =
      List.of(
          ContractFunction.of("grantRole(address,uint8)", WRITE_GAS, this::grantRole),
          ContractFunction.of("revokeRole(address,uint8)", WRITE_GAS, this::revokeRole),
          ContractFunction.of("registerAccount(address,uint8)", WRITE_GAS, this::registerAccount),
          ContractFunction.of("setTier(address,uint8)", WRITE_GAS, this::setTier),
          ContractFunction.of("freeze(address,string)", WRITE_GAS, this::freeze),
          ContractFunction.of("unfreeze(address)", WRITE_GAS, this::unfreeze),
          ContractFunction.of(
              "setTierLimits(uint8,uint256,uint256,uint256)", WRITE_GAS, this::setTierLimits),
          ContractFunction.of(
              "registerTaxpayer(address,string)", WRITE_GAS, this::registerTaxpayer),
          ContractFunction.of("rolesOf(address)", 0, RegistryViews::rolesOf),
          ContractFunction.of("accountOf(address)", 0, RegistryViews::accountOf),
          ContractFunction.of("tierLimits(uint8)", 0, RegistryViews::tierLimits),
          ContractFunction.of("accountByTaxId(string)", 0, RegistryViews::accountByTaxId));

  @Override
  public Address address() {
    return REGISTRY;
  }

  @Override
  public List<ContractFunction> functions() {
    return functions;
  }

  private Bytes grantRole(Invocation call) {
    AbiReader args = call.arguments(2);
    Address account = args.address();
    long role = args.uint8();
    args.end();
    StateChanges state = call.state();
    Address caller = requireCentralBank(call);
    require(!account.equals(Address.ZERO), RevertReason.ZERO_ADDRESS);
    require(Roles.isSingleRole(role), RevertReason.INVALID_ROLE);
    Optional<RegistryAccount> existing = RegistryStore.account(state, account);
    require(existing.map(a -> !a.frozen()).orElse(true), RevertReason.ACCOUNT_FROZEN);
    require(
        existing.map(a -> !a.holds((int) role)).orElse(true), RevertReason.ROLE_ALREADY_GRANTED);
    RegistryAccount target = existing.orElseGet(() -> new RegistryAccount(0, caller, 3, false, ""));
    if (existing.isEmpty()) {
      call.emit(accountRegistered(account, caller, 3));
    }
    RegistryStore.putAccount(state, account, target.withRoles(target.roles() | (int) role));
    if (role == Roles.CENTRAL_BANK) {
      RegistryStore.putCentralBankCount(state, RegistryStore.centralBankCount(state) + 1);
    }
    call.emit(roleEvent(ROLE_GRANTED, account, role, caller));
    return Bytes.EMPTY;
  }

  private Bytes revokeRole(Invocation call) {
    AbiReader args = call.arguments(2);
    Address account = args.address();
    long role = args.uint8();
    args.end();
    StateChanges state = call.state();
    Address caller = requireCentralBank(call);
    require(Roles.isSingleRole(role), RevertReason.INVALID_ROLE);
    RegistryAccount target = requireAccount(state, account);
    require(target.holds((int) role), RevertReason.ROLE_NOT_GRANTED);
    if (role == Roles.CENTRAL_BANK) {
      long holders = RegistryStore.centralBankCount(state);
      require(holders > 1, RevertReason.LAST_CENTRAL_BANK);
      RegistryStore.putCentralBankCount(state, holders - 1);
    }
    RegistryStore.putAccount(state, account, target.withRoles(target.roles() & ~(int) role));
    call.emit(roleEvent(ROLE_REVOKED, account, role, caller));
    return Bytes.EMPTY;
  }

  private Bytes registerAccount(Invocation call) {
    AbiReader args = call.arguments(2);
    Address account = args.address();
    int tier = args.uint8();
    args.end();
    StateChanges state = call.state();
    RegistryAccount caller = RegistryStore.requireActiveCaller(state, call.context().sender());
    require(caller.holds(Roles.BANK) || caller.holds(Roles.CENTRAL_BANK), RevertReason.NOT_BANK);
    require(!account.equals(Address.ZERO), RevertReason.ZERO_ADDRESS);
    require(isTier(tier), RevertReason.INVALID_TIER);
    require(RegistryStore.account(state, account).isEmpty(), RevertReason.ALREADY_REGISTERED);
    Address bank = call.context().sender();
    RegistryStore.putAccount(state, account, new RegistryAccount(0, bank, tier, false, ""));
    call.emit(accountRegistered(account, bank, tier));
    return Bytes.EMPTY;
  }

  private Bytes setTier(Invocation call) {
    AbiReader args = call.arguments(2);
    Address account = args.address();
    int tier = args.uint8();
    args.end();
    StateChanges state = call.state();
    Address callerAddress = call.context().sender();
    RegistryAccount caller = RegistryStore.requireActiveCaller(state, callerAddress);
    Optional<RegistryAccount> target = RegistryStore.account(state, account);
    boolean isAccountsBank =
        caller.holds(Roles.BANK) && target.map(t -> t.bank().equals(callerAddress)).orElse(false);
    require(caller.holds(Roles.CENTRAL_BANK) || isAccountsBank, RevertReason.NOT_ACCOUNTS_BANK);
    require(isTier(tier), RevertReason.INVALID_TIER);
    RegistryAccount existing =
        target.orElseThrow(() -> new ContractRevert(RevertReason.ACCOUNT_NOT_REGISTERED));
    RegistryStore.putAccount(state, account, existing.withTier(tier));
    call.emit(Events.log(REGISTRY, TIER_CHANGED, AbiWriter.uintWord(tier), Events.topic(account)));
    return Bytes.EMPTY;
  }

  private Bytes freeze(Invocation call) {
    AbiReader args = call.arguments(2);
    Address account = args.address();
    String reason = args.string();
    args.end();
    StateChanges state = call.state();
    requireCentralBank(call);
    int reasonBytes = reason.getBytes(StandardCharsets.UTF_8).length;
    require(reasonBytes >= 1 && reasonBytes <= REASON_BYTES_MAX, RevertReason.INVALID_REASON);
    RegistryAccount target = requireAccount(state, account);
    require(!target.holds(Roles.CENTRAL_BANK), RevertReason.CANNOT_FREEZE_CENTRAL_BANK);
    require(!target.frozen(), RevertReason.ALREADY_FROZEN);
    RegistryStore.putAccount(state, account, target.withFrozen(true));
    Bytes data = new AbiWriter(1).string(reason).toBytes();
    call.emit(Events.log(REGISTRY, ACCOUNT_FROZEN, data, Events.topic(account)));
    return Bytes.EMPTY;
  }

  private Bytes unfreeze(Invocation call) {
    AbiReader args = call.arguments(1);
    Address account = args.address();
    args.end();
    StateChanges state = call.state();
    requireCentralBank(call);
    RegistryAccount target = requireAccount(state, account);
    require(target.frozen(), RevertReason.NOT_FROZEN);
    RegistryStore.putAccount(state, account, target.withFrozen(false));
    call.emit(Events.log(REGISTRY, ACCOUNT_UNFROZEN, Bytes.EMPTY, Events.topic(account)));
    return Bytes.EMPTY;
  }

  private Bytes setTierLimits(Invocation call) {
    AbiReader args = call.arguments(4);
    int tier = args.uint8();
    long maxBalance = args.amount();
    long maxTransfer = args.amount();
    long dailyOutLimit = args.amount();
    args.end();
    requireCentralBank(call);
    require(isTier(tier), RevertReason.INVALID_TIER);
    require(
        maxBalance >= 0 && maxTransfer >= 0 && dailyOutLimit >= 0,
        RevertReason.AMOUNT_OUT_OF_RANGE);
    RegistryStore.putTierLimits(
        call.state(), tier, new TierLimits(maxBalance, maxTransfer, dailyOutLimit));
    Bytes data =
        new AbiWriter(4)
            .uint(tier)
            .uint(maxBalance)
            .uint(maxTransfer)
            .uint(dailyOutLimit)
            .toBytes();
    call.emit(Events.log(REGISTRY, TIER_LIMITS_CHANGED, data));
    return Bytes.EMPTY;
  }

  private Bytes registerTaxpayer(Invocation call) {
    AbiReader args = call.arguments(2);
    Address account = args.address();
    String taxId = args.string();
    args.end();
    StateChanges state = call.state();
    RegistryAccount caller = RegistryStore.requireActiveCaller(state, call.context().sender());
    require(caller.holds(Roles.TAX_AUTHORITY), RevertReason.NOT_TAX_AUTHORITY);
    require(RegistryStore.isValidTaxId(taxId), RevertReason.INVALID_TAX_ID);
    RegistryAccount target = requireAccount(state, account);
    require(!target.isTaxpayer(), RevertReason.ALREADY_TAXPAYER);
    require(RegistryStore.accountByTaxId(state, taxId).isEmpty(), RevertReason.TAX_ID_TAKEN);
    RegistryStore.putAccount(state, account, target.withTaxId(taxId));
    RegistryStore.putTaxIdOwner(state, taxId, account);
    Bytes data = new AbiWriter(1).string(taxId).toBytes();
    call.emit(Events.log(REGISTRY, TAXPAYER_REGISTERED, data, Events.topic(account)));
    return Bytes.EMPTY;
  }

  static boolean isTier(long tier) {
    return tier >= 1 && tier <= 3;
  }

  private static Address requireCentralBank(Invocation call) {
    Address sender = call.context().sender();
    RegistryAccount caller = RegistryStore.requireActiveCaller(call.state(), sender);
    require(caller.holds(Roles.CENTRAL_BANK), RevertReason.NOT_CENTRAL_BANK);
    return sender;
  }

  private static RegistryAccount requireAccount(StateChanges state, Address account) {
    return RegistryStore.account(state, account)
        .orElseThrow(() -> new ContractRevert(RevertReason.ACCOUNT_NOT_REGISTERED));
  }

  static io.fiscus.block.Log accountRegistered(Address account, Address bank, int tier) {
    return Events.log(
        REGISTRY,
        ACCOUNT_REGISTERED,
        AbiWriter.uintWord(tier),
        Events.topic(account),
        Events.topic(bank));
  }

  private static io.fiscus.block.Log roleEvent(
      Hash topic0, Address account, long role, Address by) {
    return Events.log(
        REGISTRY, topic0, AbiWriter.uintWord(role), Events.topic(account), Events.topic(by));
  }
}
