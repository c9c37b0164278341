package io.fiscus.contracts.registry;

import io.fiscus.abi.AbiReader;
import io.fiscus.abi.AbiWriter;
import io.fiscus.contracts.system.ContractRevert;
import io.fiscus.contracts.system.Invocation;
import io.fiscus.contracts.system.RevertReason;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import java.util.Optional;

/** The Registry's view functions. */
final class RegistryViews {
  private RegistryViews() {}

  static Bytes rolesOf(Invocation call) {
    AbiReader args = call.arguments(1);
    Address account = args.address();
    args.end();
    int roles = RegistryStore.account(call.state(), account).map(RegistryAccount::roles).orElse(0);
    return AbiWriter.uintWord(roles);
  }

  static Bytes accountOf(Invocation call) {
    AbiReader args = call.arguments(1);
    Address account = args.address();
    args.end();
    Optional<RegistryAccount> found = RegistryStore.account(call.state(), account);
    AbiWriter out = new AbiWriter(6).bool(found.isPresent());
    if (found.isPresent()) {
      RegistryAccount a = found.get();
      out.address(a.bank()).uint(a.tier()).bool(a.frozen()).uint(a.roles()).string(a.taxId());
    } else {
      out.address(Address.ZERO).uint(0).bool(false).uint(0).string("");
    }
    return out.toBytes();
  }

  static Bytes tierLimits(Invocation call) {
    AbiReader args = call.arguments(1);
    int tier = args.uint8();
    args.end();
    ContractRevert.require(Registry.isTier(tier), RevertReason.INVALID_TIER);
    TierLimits limits = RegistryStore.tierLimits(call.state(), tier);
    return new AbiWriter(3)
        .uint(limits.maxBalance())
        .uint(limits.maxTransfer())
        .uint(limits.dailyOutLimit())
        .toBytes();
  }

  static Bytes accountByTaxId(Invocation call) {
    AbiReader args = call.arguments(1);
    String taxId = args.string();
    args.end();
    Address account = RegistryStore.accountByTaxId(call.state(), taxId).orElse(Address.ZERO);
    return new AbiWriter(1).address(account).toBytes();
  }
}
