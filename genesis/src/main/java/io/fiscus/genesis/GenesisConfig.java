package io.fiscus.genesis;

import io.fiscus.contracts.GenesisAllocation;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A parsed and checked genesis file: Besu's QBFT genesis plus {@code config.fiscus}. Made by {@link
 * GenesisParser}, written by {@link GenesisWriter}, turned into block 0 by {@link GenesisBlock}.
 *
 * @param chainId {@code config.chainId}
 * @param qbft {@code config.qbft}
 * @param gasLimit the block gas limit of every block
 * @param timestamp block 0's timestamp in seconds
 * @param coinbase block 0's coinbase (normally 0x0)
 * @param extraData block 0's raw extraData, as in the file (it is part of the genesis hash)
 * @param validators the validators decoded from {@code extraData}, in the file's order
 * @param fiscus {@code config.fiscus}
 */
public record GenesisConfig(
    long chainId,
    QbftOptions qbft,
    long gasLimit,
    long timestamp,
    Address coinbase,
    Bytes extraData,
    List<Address> validators,
    FiscusConfig fiscus) {
  public GenesisConfig {
    Objects.requireNonNull(qbft, "qbft");
    Objects.requireNonNull(coinbase, "coinbase");
    Objects.requireNonNull(extraData, "extraData");
    Objects.requireNonNull(fiscus, "fiscus");
    validators = List.copyOf(validators);
  }

  /** What the system contracts are initialised with at block 0. */
  public GenesisAllocation allocation() {
    List<GenesisAllocation.Account> accounts = new ArrayList<>();
    List<GenesisAllocation.Taxpayer> taxpayers = new ArrayList<>();
    List<GenesisAllocation.Balance> balances = new ArrayList<>();
    for (GenesisAccount account : fiscus.accounts()) {
      accounts.add(
          new GenesisAllocation.Account(
              account.address(),
              Role.bits(account.roles()),
              account.tier(),
              account.bank().orElse(Address.ZERO)));
      account
          .taxId()
          .ifPresent(
              taxId -> taxpayers.add(new GenesisAllocation.Taxpayer(account.address(), taxId)));
      if (account.balance() > 0) {
        balances.add(new GenesisAllocation.Balance(account.address(), account.balance()));
      }
    }
    return new GenesisAllocation(
        fiscus.currency().name(),
        fiscus.currency().symbol(),
        fiscus.tierLimits(),
        accounts,
        taxpayers,
        balances);
  }
}
