package io.fiscus.contracts.token;

import static io.fiscus.contracts.system.ContractRevert.require;
import static io.fiscus.contracts.system.SystemAddresses.TOKEN;

import io.fiscus.abi.AbiReader;
import io.fiscus.abi.AbiSignatures;
import io.fiscus.abi.AbiWriter;
import io.fiscus.contracts.registry.RegistryAccount;
import io.fiscus.contracts.registry.RegistryStore;
import io.fiscus.contracts.registry.Roles;
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
import java.util.List;

/**
 * The Token at {@code 0x…cb01}: the digital currency, an ERC-20 with two-tier issuance. Rules and
 * revert reasons: {@code IToken.sol} and {@code contracts/README.md}.
 */
public final class Token implements SystemContract {
  /** Gas of transfer, transferFrom, transferWithReference and approve, above the base cost. */
  public static final long TRANSFER_GAS = 15_000;

  /** Gas of mint and redeem, above the base cost. */
  public static final long ISSUANCE_GAS = 20_000;

  static final Hash APPROVAL = AbiSignatures.topic("Approval(address,address,uint256)");
  static final Hash ISSUED = AbiSignatures.topic("Issued(address,uint256)");
  static final Hash REDEEMED = AbiSignatures.topic("Redeemed(address,uint256)");
  static final Hash PAYMENT_REFERENCE =
      AbiSignatures.topic("PaymentReference(address,address,uint256,bytes32)");

  /** Every event's canonical signature, for the ABI drift test. */
  public static final List<String> EVENTS =
      List.of(
          "Transfer(address,address,uint256)",
          "Approval(address,address,uint256)",
          "Issued(address,uint256)",
          "Redeemed(address,uint256)",
          "PaymentReference(address,address,uint256,bytes32)");

  private static final Bytes TRUE = AbiWriter.boolWord(true);

  private final List<ContractFunction> functions =
      List.of(
          ContractFunction.of("transfer(address,uint256)", TRANSFER_GAS, Token::transfer),
          ContractFunction.of("approve(address,uint256)", TRANSFER_GAS, Token::approve),
          ContractFunction.of(
              "transferFrom(address,address,uint256)", TRANSFER_GAS, Token::transferFrom),
          ContractFunction.of("mint(address,uint256)", ISSUANCE_GAS, Token::mint),
          ContractFunction.of("redeem(uint256)", ISSUANCE_GAS, Token::redeem),
          ContractFunction.of(
              "transferWithReference(address,uint256,bytes32)",
              TRANSFER_GAS,
              Token::transferWithReference),
          ContractFunction.of("name()", 0, TokenViews::name),
          ContractFunction.of("symbol()", 0, TokenViews::symbol),
          ContractFunction.of("decimals()", 0, TokenViews::decimals),
          ContractFunction.of("totalSupply()", 0, TokenViews::totalSupply),
          ContractFunction.of("balanceOf(address)", 0, TokenViews::balanceOf),
          ContractFunction.of("allowance(address,address)", 0, TokenViews::allowance),
          ContractFunction.of("issued()", 0, TokenViews::issued),
          ContractFunction.of("redeemed()", 0, TokenViews::redeemed),
          ContractFunction.of("dailyOutflow(address)", 0, TokenViews::dailyOutflow));

  @Override
  public Address address() {
    return TOKEN;
  }

  @Override
  public List<ContractFunction> functions() {
    return functions;
  }

  private static Bytes transfer(Invocation call) {
    AbiReader args = call.arguments(2);
    Address to = args.address();
    long amount = args.amount();
    args.end();
    Address from = call.context().sender();
    RegistryAccount sender = RegistryStore.requireActiveCaller(call.state(), from);
    requireAmount(amount);
    TransferRules.move(call, from, sender, to, amount);
    return TRUE;
  }

  private static Bytes transferWithReference(Invocation call) {
    AbiReader args = call.arguments(3);
    Address to = args.address();
    long amount = args.amount();
    Hash reference = args.bytes32();
    args.end();
    Address from = call.context().sender();
    RegistryAccount sender = RegistryStore.requireActiveCaller(call.state(), from);
    requireAmount(amount);
    TransferRules.move(call, from, sender, to, amount);
    call.emit(
        Events.log(
            TOKEN,
            PAYMENT_REFERENCE,
            AbiWriter.uintWord(amount),
            Events.topic(from),
            Events.topic(to),
            reference));
    return TRUE;
  }

  private static Bytes approve(Invocation call) {
    AbiReader args = call.arguments(2);
    Address spender = args.address();
    long amount = args.amount();
    args.end();
    Address owner = call.context().sender();
    RegistryStore.requireActiveCaller(call.state(), owner);
    require(!spender.equals(Address.ZERO), RevertReason.ZERO_ADDRESS);
    require(amount >= 0, RevertReason.AMOUNT_OUT_OF_RANGE);
    TokenStore.putAllowance(call.state(), owner, spender, amount);
    call.emit(
        Events.log(
            TOKEN,
            APPROVAL,
            AbiWriter.uintWord(amount),
            Events.topic(owner),
            Events.topic(spender)));
    return TRUE;
  }

  private static Bytes transferFrom(Invocation call) {
    AbiReader args = call.arguments(3);
    Address from = args.address();
    Address to = args.address();
    long amount = args.amount();
    args.end();
    StateChanges state = call.state();
    Address spender = call.context().sender();
    RegistryStore.requireActiveCaller(state, spender);
    requireAmount(amount);
    long allowance = TokenStore.allowance(state, from, spender);
    require(allowance >= amount, RevertReason.INSUFFICIENT_ALLOWANCE);
    RegistryAccount sender =
        RegistryStore.account(state, from)
            .orElseThrow(() -> new ContractRevert(RevertReason.SENDER_NOT_REGISTERED));
    require(!sender.frozen(), RevertReason.SENDER_FROZEN);
    TransferRules.move(call, from, sender, to, amount);
    TokenStore.putAllowance(state, from, spender, allowance - amount);
    return TRUE;
  }

  private static Bytes mint(Invocation call) {
    AbiReader args = call.arguments(2);
    Address bank = args.address();
    long amount = args.amount();
    args.end();
    StateChanges state = call.state();
    RegistryAccount caller = RegistryStore.requireActiveCaller(state, call.context().sender());
    require(caller.holds(Roles.CENTRAL_BANK), RevertReason.NOT_CENTRAL_BANK);
    requireAmount(amount);
    RegistryAccount recipient =
        RegistryStore.account(state, bank)
            .filter(a -> a.holds(Roles.BANK))
            .orElseThrow(() -> new ContractRevert(RevertReason.NOT_A_BANK));
    require(!recipient.frozen(), RevertReason.RECIPIENT_FROZEN);
    long issued = TokenStore.issued(state);
    require(issued <= Long.MAX_VALUE - amount, RevertReason.AMOUNT_OUT_OF_RANGE);
    TokenStore.putIssued(state, issued + amount);
    TokenStore.putBalance(state, bank, TokenStore.balance(state, bank) + amount);
    call.emit(TransferRules.transferLog(Address.ZERO, bank, amount));
    call.emit(Events.log(TOKEN, ISSUED, AbiWriter.uintWord(amount), Events.topic(bank)));
    return Bytes.EMPTY;
  }

  private static Bytes redeem(Invocation call) {
    AbiReader args = call.arguments(1);
    long amount = args.amount();
    args.end();
    StateChanges state = call.state();
    Address bank = call.context().sender();
    RegistryAccount caller = RegistryStore.requireActiveCaller(state, bank);
    require(caller.holds(Roles.BANK), RevertReason.NOT_BANK);
    requireAmount(amount);
    long balance = TokenStore.balance(state, bank);
    require(balance >= amount, RevertReason.INSUFFICIENT_BALANCE);
    TokenStore.putBalance(state, bank, balance - amount);
    TokenStore.putRedeemed(state, TokenStore.redeemed(state) + amount);
    call.emit(TransferRules.transferLog(bank, Address.ZERO, amount));
    call.emit(Events.log(TOKEN, REDEEMED, AbiWriter.uintWord(amount), Events.topic(bank)));
    return Bytes.EMPTY;
  }

  /** The argument checks of every amount: in range, then positive. */
  public static void requireAmount(long amount) {
    require(amount != AbiReader.OUT_OF_RANGE, RevertReason.AMOUNT_OUT_OF_RANGE);
    require(amount > 0, RevertReason.AMOUNT_MUST_BE_POSITIVE);
  }
}
