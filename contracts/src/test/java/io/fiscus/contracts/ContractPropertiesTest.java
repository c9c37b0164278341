package io.fiscus.contracts;

import static io.fiscus.contracts.Ledger.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.abi.AbiReader;
import io.fiscus.block.Log;
import io.fiscus.contracts.RandomCalls.Kind;
import io.fiscus.contracts.RandomCalls.Step;
import io.fiscus.contracts.invoices.Invoice;
import io.fiscus.contracts.invoices.InvoiceStore;
import io.fiscus.contracts.registry.RegistryAccount;
import io.fiscus.contracts.registry.RegistryStore;
import io.fiscus.contracts.registry.Roles;
import io.fiscus.contracts.registry.TierLimits;
import io.fiscus.contracts.system.CallOutcome;
import io.fiscus.contracts.token.TokenStore;
import io.fiscus.state.StateChanges;
import io.fiscus.types.Address;
import io.fiscus.types.Hash;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** Invariants of the system contracts over random call sequences from random actors. */
class ContractPropertiesTest {
  private static final Hash TRANSFER =
      Hash.fromHex("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef");
  private static final Set<Kind> CENTRAL_BANK_ONLY =
      Set.of(
          Kind.MINT,
          Kind.FREEZE,
          Kind.UNFREEZE,
          Kind.GRANT_ROLE,
          Kind.REVOKE_ROLE,
          Kind.SET_TIER_LIMITS);

  @Provide
  Arbitrary<List<Step>> sequences() {
    return RandomCalls.sequences();
  }

  @Property(tries = 300)
  void invariantsHoldAfterEveryCall(@ForAll("sequences") List<Step> steps) {
    Ledger ledger = Ledger.standard();
    RandomCalls calls = new RandomCalls();
    Map<Hash, Integer> lastStatus = new HashMap<>();
    for (Step step : steps) {
      StateChanges state = ledger.state;
      var writesBefore = state.sortedStorageWrites();
      Map<Address, Optional<RegistryAccount>> before = accounts(state);
      Map<Hash, Invoice> invoicesBefore = invoices(state, calls.invoices);
      long today = ledger.timestamp / 86_400;
      CallOutcome outcome = calls.run(ledger, step);
      Statistics.collect(
          step.kind(), outcome instanceof CallOutcome.Success ? "success" : "revert or clock");
      checkMoney(state);
      if (outcome instanceof CallOutcome.Reverted) {
        assertThat(state.sortedStorageWrites())
            .as("a revert changes nothing")
            .isEqualTo(writesBefore);
        continue;
      }
      if (outcome instanceof CallOutcome.Success success) {
        Address sender = calls.lastCaller();
        checkAuthority(step.kind(), before.get(sender));
        for (Log log : success.logs()) {
          if (log.address().equals(TOKEN) && log.topics().getFirst().equals(TRANSFER)) {
            checkTransfer(state, log, before, today);
          }
        }
        if (step.kind() == Kind.PAY_INVOICE) {
          Hash id = calls.pick(step.small());
          Invoice paid = invoicesBefore.get(id);
          assertThat(paid.status()).as("paid only while ISSUED").isEqualTo(Invoice.ISSUED);
          assertThat(paid.isCreditNote()).isFalse();
        }
      }
      checkInvoices(state, calls.invoices, lastStatus);
    }
  }

  private static Map<Address, Optional<RegistryAccount>> accounts(StateChanges state) {
    Map<Address, Optional<RegistryAccount>> out = new HashMap<>();
    for (Address actor : RandomCalls.ACTORS) {
      out.put(actor, RegistryStore.account(state, actor));
    }
    return out;
  }

  private static Map<Hash, Invoice> invoices(StateChanges state, List<Hash> ids) {
    Map<Hash, Invoice> out = new HashMap<>();
    for (Hash id : ids) {
      out.put(id, InvoiceStore.invoice(state, id).orElseThrow());
    }
    return out;
  }

  private static void checkMoney(StateChanges state) {
    long sum = 0;
    for (Address actor : RandomCalls.ACTORS) {
      long balance = TokenStore.balance(state, actor);
      assertThat(balance).as("no negative balance").isNotNegative();
      sum += balance;
    }
    assertThat(TokenStore.balance(state, Address.ZERO)).isZero();
    assertThat(sum).as("balances sum to the supply").isEqualTo(TokenStore.totalSupply(state));
    assertThat(TokenStore.totalSupply(state))
        .isEqualTo(TokenStore.issued(state) - TokenStore.redeemed(state));
  }

  private static void checkAuthority(Kind kind, Optional<RegistryAccount> sender) {
    assertThat(sender).as("only registered accounts change state").isPresent();
    assertThat(sender.get().frozen()).as("frozen accounts change nothing").isFalse();
    int roles = sender.get().roles();
    if (CENTRAL_BANK_ONLY.contains(kind)) {
      assertThat(Roles.holds(roles, Roles.CENTRAL_BANK)).as(kind + " by CENTRAL_BANK").isTrue();
    }
    if (kind == Kind.REDEEM) {
      assertThat(Roles.holds(roles, Roles.BANK)).as("redeem by BANK").isTrue();
    }
    if (kind == Kind.REGISTER_ACCOUNT) {
      assertThat(Roles.holds(roles, Roles.BANK | Roles.CENTRAL_BANK)).isTrue();
    }
  }

  private static void checkTransfer(
      StateChanges state, Log log, Map<Address, Optional<RegistryAccount>> before, long today) {
    Address from = Address.wrap(log.topics().get(1).bytes().slice(12, 32).toArray());
    Address to = Address.wrap(log.topics().get(2).bytes().slice(12, 32).toArray());
    long amount = AbiReader.ofTuple(log.data(), 1).amount();
    if (from.equals(Address.ZERO) || to.equals(Address.ZERO)) {
      return; // mint or redeem
    }
    RegistryAccount sender = before.get(from).orElseThrow();
    RegistryAccount recipient = before.get(to).orElseThrow();
    assertThat(sender.frozen() || recipient.frozen())
        .as("frozen neither sends nor receives")
        .isFalse();
    if (!sender.exemptFromTierLimits()) {
      TierLimits limits = RegistryStore.tierLimits(state, sender.tier());
      if (limits.maxTransfer() != 0) {
        assertThat(amount).isLessThanOrEqualTo(limits.maxTransfer());
      }
      if (limits.dailyOutLimit() != 0) {
        assertThat(TokenStore.dailyOutflow(state, from).amountOn(today))
            .isLessThanOrEqualTo(limits.dailyOutLimit());
      }
    }
    if (!recipient.exemptFromTierLimits()) {
      TierLimits limits = RegistryStore.tierLimits(state, recipient.tier());
      if (limits.maxBalance() != 0) {
        assertThat(TokenStore.balance(state, to)).isLessThanOrEqualTo(limits.maxBalance());
      }
    }
  }

  private static void checkInvoices(
      StateChanges state, List<Hash> ids, Map<Hash, Integer> lastStatus) {
    Map<Hash, Long> liveCredit = new HashMap<>();
    for (Hash id : ids) {
      Invoice invoice = InvoiceStore.invoice(state, id).orElseThrow();
      Integer previous = lastStatus.put(id, invoice.status());
      if (previous != null && previous != Invoice.ISSUED) {
        assertThat(invoice.status()).as("PAID and CANCELLED are final").isEqualTo(previous);
      }
      if (invoice.isCreditNote() && invoice.status() == Invoice.ISSUED) {
        liveCredit.merge(invoice.originalId(), invoice.netAmount(), Long::sum);
      }
    }
    for (Hash id : ids) {
      Invoice invoice = InvoiceStore.invoice(state, id).orElseThrow();
      if (!invoice.isCreditNote()) {
        assertThat(invoice.creditedNetAmount())
            .as("credit notes never exceed the original")
            .isLessThanOrEqualTo(invoice.netAmount())
            .isEqualTo(liveCredit.getOrDefault(id, 0L));
      }
    }
  }
}
