package io.fiscus.contracts.token;

import static io.fiscus.contracts.system.ContractRevert.require;
import static io.fiscus.contracts.system.SystemAddresses.TOKEN;

import io.fiscus.abi.AbiSignatures;
import io.fiscus.abi.AbiWriter;
import io.fiscus.contracts.registry.RegistryAccount;
import io.fiscus.contracts.registry.RegistryStore;
import io.fiscus.contracts.registry.TierLimits;
import io.fiscus.contracts.system.ContractRevert;
import io.fiscus.contracts.system.Events;
import io.fiscus.contracts.system.Invocation;
import io.fiscus.contracts.system.RevertReason;
import io.fiscus.state.StateChanges;
import io.fiscus.types.Address;
import io.fiscus.types.Hash;

/**
 * The one transfer path of the currency, shared by {@code transfer}, {@code transferFrom}, {@code
 * transferWithReference} and {@code TaxInvoices.payInvoice}: it checks every transfer rule in the
 * documented order and only then writes, so a failed transfer writes nothing.
 */
public final class TransferRules {
  static final Hash TRANSFER = AbiSignatures.topic("Transfer(address,address,uint256)");

  private TransferRules() {}

  /**
   * Moves {@code amount} (already checked positive and in range) from {@code from}, whose account
   * the caller has checked registered and not frozen, to {@code to}, and emits {@code Transfer}.
   */
  public static void move(
      Invocation call, Address from, RegistryAccount sender, Address to, long amount) {
    StateChanges state = call.state();
    RegistryAccount recipient =
        RegistryStore.account(state, to)
            .orElseThrow(() -> new ContractRevert(RevertReason.RECIPIENT_NOT_REGISTERED));
    require(!recipient.frozen(), RevertReason.RECIPIENT_FROZEN);
    long fromBalance = TokenStore.balance(state, from);
    require(fromBalance >= amount, RevertReason.INSUFFICIENT_BALANCE);
    TierLimits senderLimits = limitsOf(state, sender);
    require(
        senderLimits.maxTransfer() == 0 || amount <= senderLimits.maxTransfer(),
        RevertReason.OVER_MAX_TRANSFER);
    boolean self = from.equals(to);
    long toBalance = self ? fromBalance : TokenStore.balance(state, to);
    // Cannot overflow: every balance is part of totalSupply, which fits a long.
    long toBalanceAfter = self ? toBalance : toBalance + amount;
    TierLimits recipientLimits = self ? senderLimits : limitsOf(state, recipient);
    require(
        recipientLimits.maxBalance() == 0 || toBalanceAfter <= recipientLimits.maxBalance(),
        RevertReason.OVER_MAX_BALANCE);
    long today = call.context().utcDay();
    long outflowToday = saturatingAdd(TokenStore.dailyOutflow(state, from).amountOn(today), amount);
    require(
        senderLimits.dailyOutLimit() == 0 || outflowToday <= senderLimits.dailyOutLimit(),
        RevertReason.OVER_DAILY_LIMIT);
    if (!self) {
      TokenStore.putBalance(state, from, fromBalance - amount);
      TokenStore.putBalance(state, to, toBalanceAfter);
    }
    TokenStore.putDailyOutflow(state, from, new TokenStore.DailyOutflow(today, outflowToday));
    call.emit(transferLog(from, to, amount));
  }

  static io.fiscus.block.Log transferLog(Address from, Address to, long amount) {
    return Events.log(
        TOKEN, TRANSFER, AbiWriter.uintWord(amount), Events.topic(from), Events.topic(to));
  }

  private static TierLimits limitsOf(StateChanges state, RegistryAccount account) {
    return account.exemptFromTierLimits()
        ? TierLimits.UNLIMITED
        : RegistryStore.tierLimits(state, account.tier());
  }

  /** Circular transfers can add up past 2^63 in a day; the outflow then stays at the maximum. */
  private static long saturatingAdd(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }
}
