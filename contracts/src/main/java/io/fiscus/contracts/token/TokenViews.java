package io.fiscus.contracts.token;

import io.fiscus.abi.AbiReader;
import io.fiscus.abi.AbiWriter;
import io.fiscus.contracts.system.Invocation;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;

/** The Token's view functions. */
final class TokenViews {
  /** Amounts are minor units (cents). */
  static final int DECIMALS = 2;

  private TokenViews() {}

  static Bytes name(Invocation call) {
    call.arguments(0).end();
    return new AbiWriter(1).string(TokenStore.name(call.state())).toBytes();
  }

  static Bytes symbol(Invocation call) {
    call.arguments(0).end();
    return new AbiWriter(1).string(TokenStore.symbol(call.state())).toBytes();
  }

  static Bytes decimals(Invocation call) {
    call.arguments(0).end();
    return AbiWriter.uintWord(DECIMALS);
  }

  static Bytes totalSupply(Invocation call) {
    call.arguments(0).end();
    return AbiWriter.uintWord(TokenStore.totalSupply(call.state()));
  }

  static Bytes issued(Invocation call) {
    call.arguments(0).end();
    return AbiWriter.uintWord(TokenStore.issued(call.state()));
  }

  static Bytes redeemed(Invocation call) {
    call.arguments(0).end();
    return AbiWriter.uintWord(TokenStore.redeemed(call.state()));
  }

  static Bytes balanceOf(Invocation call) {
    AbiReader args = call.arguments(1);
    Address account = args.address();
    args.end();
    return AbiWriter.uintWord(TokenStore.balance(call.state(), account));
  }

  static Bytes allowance(Invocation call) {
    AbiReader args = call.arguments(2);
    Address owner = args.address();
    Address spender = args.address();
    args.end();
    return AbiWriter.uintWord(TokenStore.allowance(call.state(), owner, spender));
  }

  static Bytes dailyOutflow(Invocation call) {
    AbiReader args = call.arguments(1);
    Address account = args.address();
    args.end();
    TokenStore.DailyOutflow outflow = TokenStore.dailyOutflow(call.state(), account);
    return new AbiWriter(2).uint(outflow.day()).uint(outflow.amount()).toBytes();
  }
}
