package io.fiscus.rpc.access;

import io.fiscus.block.Log;
import io.fiscus.block.TransactionOutcome;
import io.fiscus.contracts.system.SystemAddresses;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Whom a transaction concerns: its sender and every account named in an indexed topic of its logs
 * (Transfer from/to, invoice seller/buyer, a record's submitter, ...). The system contracts' events
 * index accounts as left-padded addresses; a topic whose first 12 bytes are zero is read as one (a
 * keccak hash has that shape with probability 2^-96).
 *
 * @param accounts the parties, sender first
 * @param touchesInvoices whether it called the TaxInvoices contract or that contract logged
 */
public record TransactionParties(Set<Address> accounts, boolean touchesInvoices) {
  private static final int ADDRESS_PADDING = Hash.SIZE - Address.SIZE;

  public TransactionParties {
    accounts = Set.copyOf(accounts);
  }

  /** A pending transaction: only its sender and where it is sent are known. */
  public static TransactionParties pending(Address sender, Optional<Address> to) {
    return new TransactionParties(
        Set.of(sender), to.filter(SystemAddresses.TAX_INVOICES::equals).isPresent());
  }

  /** A committed transaction with its outcome. */
  public static TransactionParties of(SignedTransaction transaction, TransactionOutcome outcome) {
    Set<Address> accounts = new LinkedHashSet<>();
    accounts.add(transaction.sender());
    boolean invoices = transaction.to().filter(SystemAddresses.TAX_INVOICES::equals).isPresent();
    for (Log log : outcome.receipt().logs()) {
      invoices |= log.address().equals(SystemAddresses.TAX_INVOICES);
      accounts.addAll(accounts(log));
    }
    return new TransactionParties(accounts, invoices);
  }

  /** The accounts a log's indexed topics name (its first topic is the event's signature). */
  public static Set<Address> accounts(Log log) {
    Set<Address> accounts = new LinkedHashSet<>();
    for (int i = 1; i < log.topics().size(); i++) {
      account(log.topics().get(i)).ifPresent(accounts::add);
    }
    return accounts;
  }

  /** The account a 32-byte topic holds, if it is a left-padded non-zero address. */
  static Optional<Address> account(Hash topic) {
    Bytes bytes = topic.bytes();
    for (int i = 0; i < ADDRESS_PADDING; i++) {
      if (bytes.get(i) != 0) {
        return Optional.empty();
      }
    }
    Address address = Address.wrap(bytes.slice(ADDRESS_PADDING, Hash.SIZE).toArray());
    return address.equals(Address.ZERO) ? Optional.empty() : Optional.of(address);
  }
}
