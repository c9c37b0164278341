package io.fiscus.client;

import io.fiscus.client.events.LedgerEvents;
import io.fiscus.client.rpc.CbdcAccount;
import io.fiscus.client.rpc.CbdcGetAccount;
import io.fiscus.client.tx.TransactionResult;
import io.fiscus.client.tx.TransactionSender;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Accounts, roles, wallet tiers and taxpayers (the Registry contract at {@code 0x…cb00}). Who may
 * call what: banks register their customers and set their tiers; the central bank grants roles,
 * freezes and sets tier limits; the tax authority registers taxpayers ({@code
 * contracts/README.md}).
 */
public final class RegistryClient {
  private static final String REGISTRY = LedgerEvents.REGISTRY;
  private static final String NO_ACCOUNT = "0x0000000000000000000000000000000000000000";

  private final ContractCalls contracts;

  /**
   * A client that reads and, as the sender's account, administers.
   *
   * @param sender the acting account
   */
  public RegistryClient(TransactionSender sender) {
    this.contracts = new ContractCalls(sender.fiscus(), Optional.of(sender));
  }

  /**
   * Reads through {@code reads} (e.g. with a reason on its tokens), sends through {@code sender}.
   */
  RegistryClient(Fiscus reads, TransactionSender sender) {
    this.contracts = new ContractCalls(reads, Optional.of(sender));
  }

  /**
   * A read-only client: its administrative methods throw {@link IllegalStateException}.
   *
   * @param fiscus the node
   */
  public RegistryClient(Fiscus fiscus) {
    this.contracts = new ContractCalls(fiscus, Optional.empty());
  }

  /**
   * An account as the node sees it: registration, bank, tier, roles, tax id, balance ({@code
   * cbdc_getAccount}).
   *
   * @param account the account
   * @return the account; {@code registered()} is false for an unknown address
   */
  public Call<CbdcAccount> account(String account) {
    return Call.of(contracts.fiscus.cbdcGetAccount(account)).map(CbdcGetAccount::getAccount);
  }

  /**
   * The account registered with a tax id.
   *
   * @param taxId the tax id
   * @return the account, empty if no account has it
   */
  public Call<Optional<String>> accountByTaxId(TaxId taxId) {
    return contracts
        .single(REGISTRY, contracts.registry.accountByTaxId(taxId.value()), String.class)
        .map(address -> address.equals(NO_ACCOUNT) ? Optional.empty() : Optional.of(address));
  }

  /**
   * A tier's limits.
   *
   * @param tier 1..3
   * @return the limits
   */
  public Call<TierLimits> tierLimits(int tier) {
    return contracts
        .view(REGISTRY, contracts.registry.tierLimits(BigInteger.valueOf(tier)))
        .map(
            outputs ->
                new TierLimits(
                    Amount.of(ContractCalls.output(outputs, 0, BigInteger.class)),
                    Amount.of(ContractCalls.output(outputs, 1, BigInteger.class)),
                    Amount.of(ContractCalls.output(outputs, 2, BigInteger.class))));
  }

  /**
   * Registers a customer with a wallet tier; the caller (a bank) becomes its bank.
   *
   * @param account the new account
   * @param tier 1..3
   * @return the final result, with {@code AccountRegistered}
   */
  public Call<TransactionResult> registerAccount(String account, int tier) {
    return contracts.execute(
        REGISTRY, contracts.registry.registerAccount(account, BigInteger.valueOf(tier)));
  }

  /**
   * Changes an account's wallet tier (its bank or the central bank).
   *
   * @param account the account
   * @param tier 1..3
   * @return the final result, with {@code TierChanged}
   */
  public Call<TransactionResult> setTier(String account, int tier) {
    return contracts.execute(
        REGISTRY, contracts.registry.setTier(account, BigInteger.valueOf(tier)));
  }

  /**
   * Freezes an account: it can neither send nor receive (central bank).
   *
   * @param account the account
   * @param reason why, 1..256 bytes, recorded on the ledger
   * @return the final result, with {@code AccountFrozen}
   */
  public Call<TransactionResult> freeze(String account, String reason) {
    return contracts.execute(REGISTRY, contracts.registry.freeze(account, reason));
  }

  /**
   * Unfreezes an account (central bank).
   *
   * @param account the account
   * @return the final result, with {@code AccountUnfrozen}
   */
  public Call<TransactionResult> unfreeze(String account) {
    return contracts.execute(REGISTRY, contracts.registry.unfreeze(account));
  }

  /**
   * Grants a role, registering the account at tier 3 if needed (central bank).
   *
   * @param account the account
   * @param role the role
   * @return the final result, with {@code RoleGranted} (and {@code AccountRegistered})
   */
  public Call<TransactionResult> grantRole(String account, Role role) {
    return contracts.execute(
        REGISTRY, contracts.registry.grantRole(account, BigInteger.valueOf(role.bit())));
  }

  /**
   * Revokes a role (central bank; the last central bank keeps its role).
   *
   * @param account the account
   * @param role the role
   * @return the final result, with {@code RoleRevoked}
   */
  public Call<TransactionResult> revokeRole(String account, Role role) {
    return contracts.execute(
        REGISTRY, contracts.registry.revokeRole(account, BigInteger.valueOf(role.bit())));
  }

  /**
   * Sets a tier's limits (central bank).
   *
   * @param tier 1..3
   * @param limits the limits; zero means unlimited
   * @return the final result, with {@code TierLimitsChanged}
   */
  public Call<TransactionResult> setTierLimits(int tier, TierLimits limits) {
    return contracts.execute(
        REGISTRY,
        contracts.registry.setTierLimits(
            BigInteger.valueOf(tier),
            limits.maxBalance().toBigInteger(),
            limits.maxTransfer().toBigInteger(),
            limits.dailyOutLimit().toBigInteger()));
  }

  /**
   * Registers an account as a taxpayer (tax authority); the tax id is permanent and unique.
   *
   * @param account a registered account
   * @param taxId its tax id
   * @return the final result, with {@code TaxpayerRegistered}
   */
  public Call<TransactionResult> registerTaxpayer(String account, TaxId taxId) {
    return contracts.execute(REGISTRY, contracts.registry.registerTaxpayer(account, taxId.value()));
  }
}
