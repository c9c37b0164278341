package io.fiscus.client;

import io.fiscus.client.events.LedgerEvents;
import io.fiscus.client.rpc.CbdcGetSupply;
import io.fiscus.client.rpc.Supply;
import io.fiscus.client.tx.TransactionResult;
import io.fiscus.client.tx.TransactionSender;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.web3j.crypto.Hash;

/**
 * The currency: balances, payments, allowances, and the central bank's issuance and the banks'
 * redemption (the Token contract at {@code 0x…cb01}). Every method returns a {@link Call}: {@code
 * send()} blocks, {@code sendAsync()} does not. Payments complete when final and fail with {@link
 * TransactionRevertedException} carrying the contract's reason (e.g. {@code insufficient balance}).
 */
public final class TokenClient {
  private static final String TOKEN = LedgerEvents.TOKEN;

  private final ContractCalls contracts;

  /**
   * A client that reads and, as the sender's account, pays.
   *
   * @param sender the paying account
   */
  public TokenClient(TransactionSender sender) {
    this.contracts = new ContractCalls(sender.fiscus(), Optional.of(sender));
  }

  /**
   * Reads through {@code reads} (e.g. with a reason on its tokens), sends through {@code sender}.
   */
  TokenClient(Fiscus reads, TransactionSender sender) {
    this.contracts = new ContractCalls(reads, Optional.of(sender));
  }

  /**
   * A read-only client: its payment methods throw {@link IllegalStateException}.
   *
   * @param fiscus the node
   */
  public TokenClient(Fiscus fiscus) {
    this.contracts = new ContractCalls(fiscus, Optional.empty());
  }

  /**
   * A 32-byte payment reference from text (an order or end-to-end id): its keccak-256 hash, so any
   * length fits and the text stays off the ledger.
   *
   * @param text the reference as the parties know it
   * @return 32 bytes
   */
  public static byte[] reference(String text) {
    return Hash.sha3(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * An account's balance ({@code balanceOf}).
   *
   * @param account the account
   * @return the balance
   */
  public Call<Amount> balance(String account) {
    return contracts
        .single(TOKEN, contracts.token.balanceOf(account), BigInteger.class)
        .map(Amount::of);
  }

  /**
   * What {@code spender} may still move from {@code owner}'s balance.
   *
   * @param owner the account whose money it is
   * @param spender the account allowed to spend it
   * @return the allowance
   */
  public Call<Amount> allowance(String owner, String spender) {
    return contracts
        .single(TOKEN, contracts.token.allowance(owner, spender), BigInteger.class)
        .map(Amount::of);
  }

  /**
   * The currency's name and symbol ({@code name()}, {@code symbol()}), for formatting amounts.
   *
   * @return the currency
   */
  public Call<Currency> currency() {
    return contracts
        .single(TOKEN, contracts.token.name(), String.class)
        .then(
            name ->
                contracts
                    .single(TOKEN, contracts.token.symbol(), String.class)
                    .map(symbol -> new Currency(name, symbol)));
  }

  /**
   * Total supply, issued and redeemed ({@code cbdc_getSupply}).
   *
   * @return the supply
   */
  public Call<Supply> supply() {
    return Call.of(contracts.fiscus.cbdcGetSupply()).map(CbdcGetSupply::getSupply);
  }

  /**
   * Pays {@code amount} to {@code to} ({@code transfer}).
   *
   * @param to the payee
   * @param amount how much, more than zero
   * @return the final result, with the {@code Transfer} event
   */
  public Call<TransactionResult> transfer(String to, Amount amount) {
    return contracts.execute(TOKEN, contracts.token.transfer(to, amount.toBigInteger()));
  }

  /**
   * Pays with a 32-byte reference the payee can match ({@code transferWithReference}).
   *
   * @param to the payee
   * @param amount how much, more than zero
   * @param reference32 32 bytes, e.g. {@link #reference(String)}
   * @return the final result, with the {@code Transfer} and {@code PaymentReference} events
   */
  public Call<TransactionResult> transferWithReference(
      String to, Amount amount, byte[] reference32) {
    if (reference32.length != 32) {
      throw new IllegalArgumentException("a payment reference is 32 bytes");
    }
    return contracts.execute(
        TOKEN, contracts.token.transferWithReference(to, amount.toBigInteger(), reference32));
  }

  /**
   * Allows {@code spender} to move up to {@code amount} of this account's money (sets, does not
   * add; zero clears).
   *
   * @param spender the account allowed to spend
   * @param amount the allowance
   * @return the final result, with the {@code Approval} event
   */
  public Call<TransactionResult> approve(String spender, Amount amount) {
    return contracts.execute(TOKEN, contracts.token.approve(spender, amount.toBigInteger()));
  }

  /**
   * Moves money from {@code from} to {@code to} under this account's allowance.
   *
   * @param from the account debited
   * @param to the account credited
   * @param amount how much, within the allowance
   * @return the final result, with the {@code Transfer} event
   */
  public Call<TransactionResult> transferFrom(String from, String to, Amount amount) {
    return contracts.execute(TOKEN, contracts.token.transferFrom(from, to, amount.toBigInteger()));
  }

  /**
   * Issues new money to a bank: the central bank only ({@code mint}).
   *
   * @param bank an account holding the BANK role
   * @param amount how much
   * @return the final result, with the {@code Transfer} and {@code Issued} events
   */
  public Call<TransactionResult> mint(String bank, Amount amount) {
    return contracts.execute(TOKEN, contracts.token.mint(bank, amount.toBigInteger()));
  }

  /**
   * Redeems (burns) money from this bank's balance: banks only ({@code redeem}).
   *
   * @param amount how much
   * @return the final result, with the {@code Transfer} and {@code Redeemed} events
   */
  public Call<TransactionResult> redeem(Amount amount) {
    return contracts.execute(TOKEN, contracts.token.redeem(amount.toBigInteger()));
  }
}
