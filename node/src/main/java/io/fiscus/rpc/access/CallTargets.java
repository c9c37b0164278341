package io.fiscus.rpc.access;

import io.fiscus.abi.AbiSignatures;
import io.fiscus.contracts.invoices.Invoice;
import io.fiscus.contracts.invoices.InvoiceStore;
import io.fiscus.contracts.system.SystemAddresses;
import io.fiscus.rpc.RpcException;
import io.fiscus.rpc.state.CallRequest;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The visibility of an {@code eth_call} (or {@code eth_estimateGas}): the system contracts' views
 * decoded by target and selector to the account they reveal. A call {@code from} another account
 * reveals that account's state through its outcome, so it needs the same sight as its balance.
 */
final class CallTargets {
  private static final int BALANCE_OF = AbiSignatures.selector("balanceOf(address)");
  private static final int DAILY_OUTFLOW = AbiSignatures.selector("dailyOutflow(address)");
  private static final int ALLOWANCE = AbiSignatures.selector("allowance(address,address)");
  private static final Set<Integer> SUPPLY_VIEWS =
      Set.of(
          AbiSignatures.selector("totalSupply()"),
          AbiSignatures.selector("issued()"),
          AbiSignatures.selector("redeemed()"));
  private static final int ROLES_OF = AbiSignatures.selector("rolesOf(address)");
  private static final int ACCOUNT_OF = AbiSignatures.selector("accountOf(address)");
  private static final int GET_INVOICE = AbiSignatures.selector("getInvoice(bytes32)");
  private static final Set<Integer> RECORD_VIEWS =
      Set.of(
          AbiSignatures.selector("latest(address,bytes32,bytes32)"),
          AbiSignatures.selector("recordAt(address,bytes32,bytes32,uint64)"));
  private static final int ACCOUNT_BY_TAX_ID = AbiSignatures.selector("accountByTaxId(string)");

  private CallTargets() {}

  /** Refuses or records the call's look before it runs, as far as its input tells. */
  static void before(Visibility visibility, CallRequest call) {
    // The zero address is "no sender" (Web3j's default for views): it reveals no one.
    call.from()
        .filter(from -> !from.equals(Address.ZERO))
        .ifPresent(from -> visibility.require(DataKind.ACCOUNT, from));
    Bytes data = call.data();
    if (data.size() < 4) {
      return;
    }
    int selector = AbiSignatures.selectorOf(data);
    Address to = call.to();
    if (to.equals(SystemAddresses.TOKEN)) {
      token(visibility, selector, data);
    } else if (to.equals(SystemAddresses.REGISTRY)
        && (selector == ROLES_OF || selector == ACCOUNT_OF)) {
      visibility.require(DataKind.ACCOUNT, address(data, 0));
    } else if (to.equals(SystemAddresses.TAX_INVOICES) && selector == GET_INVOICE) {
      Optional<Invoice> invoice = InvoiceStore.invoice(visibility.state(), word(data, 0));
      invoice.ifPresent(
          found ->
              visibility.requireAny(
                  DataKind.INVOICES,
                  Set.copyOf(List.of(found.seller(), found.buyer())),
                  "invoice " + found.id().toHex()));
    } else if (to.equals(SystemAddresses.LEDGER_RECORDS) && RECORD_VIEWS.contains(selector)) {
      records(visibility, address(data, 0), word(data, 1), word(data, 2));
    }
  }

  /** Refuses what the call answered when only the answer names its subject. */
  static void after(Visibility visibility, CallRequest call, Object result) {
    Bytes data = call.data();
    if (data.size() < 4
        || !call.to().equals(SystemAddresses.REGISTRY)
        || AbiSignatures.selectorOf(data) != ACCOUNT_BY_TAX_ID
        || !(result instanceof String hex)
        || VisibilityRules.resolvesTaxIds(visibility.viewer())) {
      return;
    }
    Bytes answer = Bytes.fromHex(hex);
    if (answer.size() >= Hash.SIZE) {
      // The zero address answers "no account holds this tax id": it reveals no one.
      TransactionParties.account(Hash.wrap(answer.slice(0, Hash.SIZE).toArray()))
          .filter(account -> !account.equals(Address.ZERO))
          .ifPresent(account -> visibility.require(DataKind.ACCOUNT, account));
    }
  }

  /** A record view: the submitter's records, or for the audit trail the subject's access log. */
  static void records(Visibility visibility, Address submitter, Hash kind, Hash key) {
    Optional<Address> subject =
        kind.equals(AccessLogCodec.KIND) ? TransactionParties.account(key) : Optional.empty();
    if (subject.isPresent()) {
      visibility.require(DataKind.ACCESS_LOG, subject.get());
    } else {
      visibility.require(DataKind.RECORDS, submitter);
    }
  }

  private static void token(Visibility visibility, int selector, Bytes data) {
    if (selector == BALANCE_OF || selector == DAILY_OUTFLOW) {
      visibility.require(DataKind.ACCOUNT, address(data, 0));
    } else if (selector == ALLOWANCE) {
      visibility.requireAny(
          DataKind.ACCOUNT,
          Set.copyOf(List.of(address(data, 0), address(data, 1))),
          "the allowance");
    } else if (SUPPLY_VIEWS.contains(selector)) {
      visibility.require(DataKind.SUPPLY, Address.ZERO);
    }
  }

  private static Hash word(Bytes data, int index) {
    int from = 4 + index * Hash.SIZE;
    if (data.size() < from + Hash.SIZE) {
      throw RpcException.invalidParams("call data too short for argument " + index);
    }
    return Hash.wrap(data.slice(from, from + Hash.SIZE).toArray());
  }

  private static Address address(Bytes data, int index) {
    Bytes word = word(data, index).bytes();
    return Address.wrap(word.slice(Hash.SIZE - Address.SIZE, Hash.SIZE).toArray());
  }
}
