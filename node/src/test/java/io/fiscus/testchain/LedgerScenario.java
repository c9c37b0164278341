package io.fiscus.testchain;

import io.fiscus.contracts.GenesisAllocation;
import io.fiscus.contracts.SystemContracts;
import io.fiscus.contracts.invoices.InvoiceStore;
import io.fiscus.contracts.registry.Roles;
import io.fiscus.contracts.system.SystemAddresses;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.index.ChainIndexer;
import io.fiscus.state.MemoryState;
import io.fiscus.state.StateChanges;
import io.fiscus.storage.memory.MemoryKeyValueStore;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint16;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;

/**
 * A small ledger story on a {@link TestChain} in memory with four validators, with calls encoded by
 * Web3j:
 *
 * <ol>
 *   <li>block 1: the bank pays Alice 5,000; the central bank mints 1,000 to the bank;
 *   <li>block 2: the shop invoices Alice (net 1,000, tax 190 at 19%); Alice writes a record;
 *   <li>block 3: Alice pays the invoice; Bob tries to send 1,000,000 he does not have (reverts).
 * </ol>
 *
 * Alice, Bob and the shop are the bank's customers; Carol is another bank's; a tax authority and an
 * auditor are registered too.
 */
public final class LedgerScenario {
  public static final long CHAIN_ID = 1337;
  public static final long BANK_GENESIS_BALANCE = 1_000_000;
  public static final String SHOP_TAX_ID = "DE123456789";
  public static final String INVOICE_NUMBER = "INV-1";
  public static final long INVOICE_DATE = 1_699_999_000L;
  public static final Hash RECORD_KIND = hashOf("kyc");
  public static final Hash RECORD_KEY = hashOf("alice");
  public static final Bytes RECORD_PAYLOAD = Bytes.fromHex("0xcafe");

  public final PrivateKey centralBankKey = key(1);
  public final PrivateKey bankKey = key(2);
  public final PrivateKey aliceKey = key(3);
  public final PrivateKey bobKey = key(4);
  public final PrivateKey shopKey = key(5);
  public final Address centralBank = Secp256k1.address(centralBankKey);
  public final Address bank = Secp256k1.address(bankKey);
  public final Address alice = Secp256k1.address(aliceKey);
  public final Address bob = Secp256k1.address(bobKey);
  public final Address shop = Secp256k1.address(shopKey);
  public final Address stranger = Secp256k1.address(key(99));

  /** Registered at genesis, with no transactions: for who-may-see-what tests. */
  public final Address otherBank = Secp256k1.address(key(6));

  public final Address carol = Secp256k1.address(key(7));
  public final Address taxAuthority = Secp256k1.address(key(8));
  public final Address auditor = Secp256k1.address(key(9));
  public final List<PrivateKey> validatorKeys =
      IntStream.range(0, 4).mapToObj(i -> key(1000 + i)).toList();
  public final Hash invoiceId = InvoiceStore.invoiceId(SHOP_TAX_ID, INVOICE_NUMBER);

  /** The store under {@link #chain}, which the chain indexes into (for a real LedgerIndex). */
  public final MemoryKeyValueStore store = new MemoryKeyValueStore();

  public final TestChain chain;
  public final SignedTransaction bankPaysAlice;
  public final SignedTransaction shopInvoicesAlice;
  public final SignedTransaction alicePaysInvoice;
  public final SignedTransaction bobOverdraws;

  private final Map<Address, Long> nonces = new HashMap<>();

  public LedgerScenario() {
    StateChanges genesis = new StateChanges(new MemoryState());
    SystemContracts.initialize(genesis, allocation());
    chain = new TestChain(store, new ChainIndexer(), genesis, validatorKeys, TestChain.GAS_LIMIT);
    chain.commitGenesis();
    bankPaysAlice = send(bankKey, SystemAddresses.TOKEN, transfer(alice, 5_000));
    chain.append(
        List.of(
            bankPaysAlice,
            send(centralBankKey, SystemAddresses.TOKEN, call("mint", address(bank), uint(1_000)))));
    shopInvoicesAlice =
        send(
            shopKey,
            SystemAddresses.TAX_INVOICES,
            call(
                "issueInvoice",
                new Utf8String(INVOICE_NUMBER),
                address(alice),
                new Uint64(INVOICE_DATE),
                uint(1_000),
                uint(190),
                new Uint16(1_900),
                new Bytes32(hashOf("pdf").bytes().toArray())));
    chain.append(
        List.of(
            shopInvoicesAlice,
            send(
                aliceKey,
                SystemAddresses.LEDGER_RECORDS,
                call(
                    "record",
                    bytes32(RECORD_KIND),
                    bytes32(RECORD_KEY),
                    new DynamicBytes(RECORD_PAYLOAD.toArray())))));
    alicePaysInvoice =
        send(aliceKey, SystemAddresses.TAX_INVOICES, call("payInvoice", bytes32(invoiceId)));
    bobOverdraws = send(bobKey, SystemAddresses.TOKEN, transfer(alice, 1_000_000));
    chain.append(List.of(alicePaysInvoice, bobOverdraws));
  }

  private GenesisAllocation allocation() {
    return GenesisAllocation.of(
        "Digital Euro",
        "DEUR",
        Map.of(),
        List.of(
            new GenesisAllocation.Account(centralBank, Roles.CENTRAL_BANK, 3, Address.ZERO),
            new GenesisAllocation.Account(bank, Roles.BANK, 3, centralBank),
            new GenesisAllocation.Account(alice, 0, 1, bank),
            new GenesisAllocation.Account(bob, 0, 1, bank),
            new GenesisAllocation.Account(shop, 0, 3, bank),
            new GenesisAllocation.Account(otherBank, Roles.BANK, 3, centralBank),
            new GenesisAllocation.Account(carol, 0, 1, otherBank),
            new GenesisAllocation.Account(taxAuthority, Roles.TAX_AUTHORITY, 3, centralBank),
            new GenesisAllocation.Account(auditor, Roles.AUDITOR, 3, centralBank)),
        List.of(new GenesisAllocation.Taxpayer(shop, SHOP_TAX_ID)),
        List.of(new GenesisAllocation.Balance(bank, BANK_GENESIS_BALANCE)));
  }

  /** A signed EIP-1559 call from {@code key}, with the sender's next nonce. */
  public SignedTransaction send(PrivateKey key, Address to, Bytes data) {
    Address sender = Secp256k1.address(key);
    long nonce = nonces.merge(sender, 1L, Long::sum) - 1;
    return SignedCalls.sign(key, CHAIN_ID, nonce, 200_000, Optional.of(to), data);
  }

  public static Bytes transfer(Address to, long amount) {
    return call("transfer", address(to), uint(amount));
  }

  public static Bytes call(String function, Type<?>... arguments) {
    return Bytes.fromHex(
        FunctionEncoder.encode(new Function(function, Arrays.asList(arguments), List.of())));
  }

  public static org.web3j.abi.datatypes.Address address(Address address) {
    return new org.web3j.abi.datatypes.Address(address.toHex());
  }

  public static Uint256 uint(long value) {
    return new Uint256(BigInteger.valueOf(value));
  }

  public static Bytes32 bytes32(Hash hash) {
    return new Bytes32(hash.bytes().toArray());
  }

  public static Hash hashOf(String text) {
    return io.fiscus.crypto.Keccak.hash(
        Bytes.wrap(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private static PrivateKey key(int seed) {
    return new PrivateKey(BigInteger.valueOf(0xf15c_0000L + seed));
  }
}
