package io.fiscus.execution;

import io.fiscus.abi.AbiSignatures;
import io.fiscus.abi.AbiWriter;
import io.fiscus.contracts.GenesisAllocation;
import io.fiscus.contracts.SystemContracts;
import io.fiscus.contracts.registry.Roles;
import io.fiscus.contracts.system.SystemAddresses;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.state.MemoryState;
import io.fiscus.state.StateChanges;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.tx.TransactionSigner;
import io.fiscus.tx.UnsignedTransaction;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A genesis with funded payers and a block of signed token transfers between them, shared by the
 * executor tests and the execution benchmarks (published as the contracts test-jar).
 */
public final class TransferWorkload {
  public static final long CHAIN_ID = 1337;
  public static final long GAS_LIMIT_PER_TRANSFER = 100_000;
  private static final Bytes TRANSFER =
      AbiSignatures.selectorBytes(AbiSignatures.selector("transfer(address,uint256)"));

  private final List<PrivateKey> keys = new ArrayList<>();
  private final List<Address> accounts = new ArrayList<>();

  /** {@code accountCount} tier-3 accounts (no limits), each holding {@code balance} minor units. */
  public TransferWorkload(int accountCount) {
    for (int i = 0; i < accountCount; i++) {
      PrivateKey key = new PrivateKey(BigInteger.valueOf(0x5eed_0000L + i));
      keys.add(key);
      accounts.add(Secp256k1.address(key));
    }
  }

  public Address account(int index) {
    return accounts.get(index);
  }

  public PrivateKey key(int index) {
    return keys.get(index);
  }

  /** A fresh genesis state: account 0 is the central bank, the others are banks with balances. */
  public MemoryState genesis(long balance) {
    MemoryState state = new MemoryState();
    state.apply(genesisChanges(balance));
    return state;
  }

  /** The genesis as one set of writes over an empty state, e.g. to commit its state root. */
  public StateChanges genesisChanges(long balance) {
    List<GenesisAllocation.Account> registered = new ArrayList<>();
    List<GenesisAllocation.Balance> balances = new ArrayList<>();
    for (int i = 0; i < accounts.size(); i++) {
      int roles = i == 0 ? Roles.CENTRAL_BANK : Roles.BANK;
      registered.add(new GenesisAllocation.Account(accounts.get(i), roles, 3, Address.ZERO));
      if (i > 0) {
        balances.add(new GenesisAllocation.Balance(accounts.get(i), balance));
      }
    }
    StateChanges changes = new StateChanges(new MemoryState());
    SystemContracts.initialize(
        changes,
        GenesisAllocation.of("Digital Euro", "DEUR", Map.of(), registered, List.of(), balances));
    return changes;
  }

  /** A transfer of {@code amount} from account {@code from} to account {@code to}. */
  public SignedTransaction transfer(int from, int to, long amount, long nonce) {
    Bytes data = TRANSFER.concat(new AbiWriter(2).address(accounts.get(to)).uint(amount).toBytes());
    return TransactionSigner.withDefaultSigner()
        .sign(
            UnsignedTransaction.eip1559(
                CHAIN_ID,
                nonce,
                BigInteger.ZERO,
                BigInteger.ZERO,
                GAS_LIMIT_PER_TRANSFER,
                Optional.of(SystemAddresses.TOKEN),
                BigInteger.ZERO,
                data,
                List.of()),
            keys.get(from));
  }

  /** {@code count} transfers round-robin among the payer accounts (1..n-1), nonces in order. */
  public List<SignedTransaction> transfers(int count) {
    int payers = accounts.size() - 1;
    long[] nonces = new long[accounts.size()];
    List<SignedTransaction> block = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int from = 1 + i % payers;
      int to = 1 + (i + 1) % payers;
      block.add(transfer(from, to, 1 + i % 100, nonces[from]++));
    }
    return block;
  }
}
