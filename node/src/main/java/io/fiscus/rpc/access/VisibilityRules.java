package io.fiscus.rpc.access;

import io.fiscus.contracts.registry.RegistryAccount;
import io.fiscus.contracts.registry.RegistryStore;
import io.fiscus.contracts.registry.Roles;
import io.fiscus.state.StateView;
import io.fiscus.types.Address;

/**
 * Who may see what (issue 8, ADR 0020), written once: every guarded method asks here.
 *
 * <pre>
 *                  itself / its bank   central bank   auditor   tax authority
 *   ACCOUNT        allow               allow          record    forbid
 *   HISTORY        allow               record         record    forbid (invoice payments: allow)
 *   INVOICES       allow               forbid         record    record (lists: allow)
 *   TAX_SUMMARY    allow               forbid         record    record
 *   RECORDS        allow               record         record    forbid
 *   ACCESS_LOG     allow               record         forbid    forbid
 *   SUPPLY         central bank only
 * </pre>
 *
 * The tax authority sees every invoice in a list (a period's invoices, for VAT) without a record; a
 * query naming a seller or buyer, or one invoice, is a look at them and is recorded, as every
 * authority's look at an account is. A caller with several roles gets the most permissive verdict
 * of them. "Its bank" is the bank that registered the account, as the Registry holds it at the
 * head.
 */
public final class VisibilityRules {
  private VisibilityRules() {}

  /** The verdict on {@code viewer} looking at {@code subject}'s data of {@code kind}. */
  public static Verdict verdict(Viewer viewer, DataKind kind, Address subject, StateView state) {
    if (kind == DataKind.SUPPLY) {
      return viewer.holds(Roles.CENTRAL_BANK) ? Verdict.ALLOW : Verdict.FORBID;
    }
    if (viewer.address().equals(subject) || isCustomerOf(viewer, subject, state)) {
      return Verdict.ALLOW;
    }
    Verdict verdict = Verdict.FORBID;
    if (viewer.holds(Roles.CENTRAL_BANK)) {
      verdict = verdict.or(centralBank(kind));
    }
    if (viewer.holds(Roles.AUDITOR)) {
      verdict = verdict.or(auditor(kind));
    }
    if (viewer.holds(Roles.TAX_AUTHORITY)) {
      verdict = verdict.or(taxAuthority(kind));
    }
    return verdict;
  }

  /**
   * Whether the tax authority's rule lets {@code viewer} see, in lists and without naming anyone,
   * every invoice and every transaction that touches the invoices contract (issuing, paying,
   * cancelling, crediting), whoever its parties are.
   */
  public static boolean seesEveryInvoice(Viewer viewer) {
    return viewer.holds(Roles.TAX_AUTHORITY);
  }

  /**
   * Whether {@code viewer} may learn which account holds a tax id without seeing that account: the
   * tax authority, whose taxpayers they are.
   */
  public static boolean resolvesTaxIds(Viewer viewer) {
    return viewer.holds(Roles.TAX_AUTHORITY);
  }

  private static boolean isCustomerOf(Viewer viewer, Address subject, StateView state) {
    return viewer.holds(Roles.BANK)
        && RegistryStore.account(state, subject)
            .map(RegistryAccount::bank)
            .filter(viewer.address()::equals)
            .isPresent();
  }

  private static Verdict centralBank(DataKind kind) {
    return switch (kind) {
      case ACCOUNT -> Verdict.ALLOW;
      case HISTORY, RECORDS, ACCESS_LOG -> Verdict.RECORD;
      case INVOICES, TAX_SUMMARY, SUPPLY -> Verdict.FORBID;
    };
  }

  private static Verdict auditor(DataKind kind) {
    return switch (kind) {
      case ACCOUNT, HISTORY, INVOICES, TAX_SUMMARY, RECORDS -> Verdict.RECORD;
      case ACCESS_LOG, SUPPLY -> Verdict.FORBID;
    };
  }

  private static Verdict taxAuthority(DataKind kind) {
    return switch (kind) {
      case INVOICES, TAX_SUMMARY -> Verdict.RECORD;
      case ACCOUNT, HISTORY, RECORDS, ACCESS_LOG, SUPPLY -> Verdict.FORBID;
    };
  }
}
