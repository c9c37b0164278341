package io.fiscus.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.abi.AbiSignatures;
import io.fiscus.abi.AbiWriter;
import io.fiscus.block.Block;
import io.fiscus.block.BlockHeader;
import io.fiscus.block.TransactionOutcome;
import io.fiscus.chain.CommittedBlock;
import io.fiscus.contracts.GenesisAllocation;
import io.fiscus.contracts.SystemContracts;
import io.fiscus.contracts.invoices.InvoiceStore;
import io.fiscus.contracts.registry.Roles;
import io.fiscus.contracts.system.SystemAddresses;
import io.fiscus.crypto.Keccak;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.execution.BlockContext;
import io.fiscus.execution.BlockExecution;
import io.fiscus.execution.BlockExecutor;
import io.fiscus.state.MemoryState;
import io.fiscus.state.StateChanges;
import io.fiscus.storage.WriteBatch;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.tx.TransactionSigner;
import io.fiscus.tx.UnsignedTransaction;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A chain for index tests: a genesis with a central bank, two banks, two customers, two taxpayers
 * and a tax authority; real signed transactions executed block by block by the contracts'
 * BlockExecutor, each block indexed by {@link ChainIndexer} into a {@link FakeKeyValueStore} in one
 * batch, as the node commits it.
 */
final class IndexedLedger {
  static final long CHAIN_ID = 1337;
  static final long GAS_LIMIT = 200_000;
  static final long BLOCK_GAS_LIMIT = 100_000_000;
  static final long GENESIS_TIMESTAMP = 1_700_000_000L;
  static final long BLOCK_PERIOD_SECONDS = 5;
  static final long BANK_BALANCE = 1_000_000_000L;
  static final String MERCHANT_TAX_ID = "DE123456789";
  static final String SUPPLIER_TAX_ID = "FR987654321";

  /** A named key holder. */
  record Party(String name, PrivateKey key, Address address) {}

  final Party centralBank = party("central-bank", 1);
  final Party bankA = party("bank-a", 2);
  final Party bankB = party("bank-b", 3);
  final Party customer1 = party("customer-1", 4);
  final Party customer2 = party("customer-2", 5);
  final Party merchant = party("merchant", 6);
  final Party supplier = party("supplier", 7);
  final Party taxAuthority = party("tax-authority", 8);

  final FakeKeyValueStore store = new FakeKeyValueStore();
  final MemoryState state = new MemoryState();
  final ChainIndexer indexer = new ChainIndexer();
  private final BlockExecutor executor = new BlockExecutor(new SystemContracts());
  private final TransactionSigner signer = TransactionSigner.withDefaultSigner();
  private final Map<Address, Long> nonces = new HashMap<>();
  private long blockNumber;
  private long timestamp = GENESIS_TIMESTAMP;

  IndexedLedger() {
    StateChanges genesis = new StateChanges(new MemoryState());
    SystemContracts.initialize(
        genesis,
        GenesisAllocation.of(
            "Digital Euro",
            "DEUR",
            Map.of(),
            List.of(
                account(centralBank, Roles.CENTRAL_BANK, Address.ZERO),
                account(bankA, Roles.BANK, centralBank.address()),
                account(bankB, Roles.BANK, centralBank.address()),
                account(customer1, 0, bankA.address()),
                account(customer2, 0, bankB.address()),
                account(merchant, 0, bankA.address()),
                account(supplier, 0, bankB.address()),
                account(taxAuthority, Roles.TAX_AUTHORITY, centralBank.address())),
            List.of(
                new GenesisAllocation.Taxpayer(merchant.address(), MERCHANT_TAX_ID),
                new GenesisAllocation.Taxpayer(supplier.address(), SUPPLIER_TAX_ID)),
            List.of(
                new GenesisAllocation.Balance(bankA.address(), BANK_BALANCE),
                new GenesisAllocation.Balance(bankB.address(), BANK_BALANCE))));
    genesis.commitJournal();
    state.apply(genesis);
  }

  StoredLedgerIndex index() {
    return new StoredLedgerIndex(store, () -> state);
  }

  StoredLedgerIndex index(CountingKeyValueStore counting) {
    return new StoredLedgerIndex(counting, () -> state);
  }

  long blockNumber() {
    return blockNumber;
  }

  static long timestampOf(long blockNumber) {
    return GENESIS_TIMESTAMP + BLOCK_PERIOD_SECONDS * blockNumber;
  }

  /** Executes, indexes and applies one block; every transaction must succeed. */
  CommittedBlock block(SignedTransaction... transactions) {
    CommittedBlock block = blockAllowingReverts(List.of(transactions));
    for (TransactionOutcome outcome : block.outcomes()) {
      assertThat(outcome.revertReason()).isEmpty();
    }
    return block;
  }

  CommittedBlock blockAllowingReverts(List<SignedTransaction> transactions) {
    blockNumber++;
    timestamp = timestampOf(blockNumber);
    BlockExecution execution =
        executor.execute(
            state, new BlockContext(blockNumber, timestamp, BLOCK_GAS_LIMIT), transactions);
    assertThat(execution).isInstanceOf(BlockExecution.Executed.class);
    BlockExecution.Executed executed = (BlockExecution.Executed) execution;
    BlockHeader header =
        BlockHeader.qbft(
            Hash.ZERO,
            Address.ZERO,
            Hash.ZERO,
            executed.transactionsRoot(),
            executed.receiptsRoot(),
            executed.logsBloom(),
            blockNumber,
            BLOCK_GAS_LIMIT,
            executed.gasUsed(),
            timestamp,
            Bytes.EMPTY);
    Block body = new Block(header, transactions.stream().map(SignedTransaction::raw).toList());
    Hash hash = Keccak.hash(Bytes.wrap(KeyBytes.long8(blockNumber)));
    CommittedBlock block = new CommittedBlock(hash, body, transactions, executed.outcomes());
    WriteBatch batch = store.newBatch();
    indexer.index(block, state, executed.changes(), batch);
    store.commit(batch);
    state.apply(executed.changes());
    return block;
  }

  SignedTransaction transfer(Party from, Party to, long amount) {
    return send(
        from,
        SystemAddresses.TOKEN,
        call("transfer(address,uint256)", new AbiWriter(2).address(to.address()).uint(amount)));
  }

  SignedTransaction transferWithReference(Party from, Party to, long amount, Hash reference) {
    return send(
        from,
        SystemAddresses.TOKEN,
        call(
            "transferWithReference(address,uint256,bytes32)",
            new AbiWriter(3).address(to.address()).uint(amount).bytes32(reference)));
  }

  SignedTransaction mint(Party bank, long amount) {
    return send(
        centralBank,
        SystemAddresses.TOKEN,
        call("mint(address,uint256)", new AbiWriter(2).address(bank.address()).uint(amount)));
  }

  SignedTransaction redeem(Party bank, long amount) {
    return send(
        bank, SystemAddresses.TOKEN, call("redeem(uint256)", new AbiWriter(1).uint(amount)));
  }

  /** A 20% VAT invoice of {@code net}. */
  SignedTransaction issueInvoice(
      Party seller, String number, Address buyer, long issueDate, long net) {
    return send(
        seller,
        SystemAddresses.TAX_INVOICES,
        call(
            "issueInvoice(string,address,uint64,uint256,uint256,uint16,bytes32)",
            new AbiWriter(7)
                .string(number)
                .address(buyer)
                .uint(issueDate)
                .uint(net)
                .uint(net / 5)
                .uint(2000)
                .bytes32(documentHash(number))));
  }

  SignedTransaction payInvoice(Party payer, Hash id) {
    return send(
        payer,
        SystemAddresses.TAX_INVOICES,
        call("payInvoice(bytes32)", new AbiWriter(1).bytes32(id)));
  }

  SignedTransaction cancelInvoice(Party seller, Hash id) {
    return send(
        seller,
        SystemAddresses.TAX_INVOICES,
        call("cancelInvoice(bytes32,string)", new AbiWriter(2).bytes32(id).string("error")));
  }

  SignedTransaction issueCreditNote(Party seller, Hash originalId, String number, long net) {
    return send(
        seller,
        SystemAddresses.TAX_INVOICES,
        call(
            "issueCreditNote(bytes32,string,uint256,uint256,bytes32)",
            new AbiWriter(5)
                .bytes32(originalId)
                .string(number)
                .uint(net)
                .uint(net / 5)
                .bytes32(documentHash(number))));
  }

  SignedTransaction record(Party submitter, Hash kind, Hash key, Bytes payload) {
    return send(
        submitter,
        SystemAddresses.LEDGER_RECORDS,
        call(
            "record(bytes32,bytes32,bytes)",
            new AbiWriter(3).bytes32(kind).bytes32(key).bytes(payload)));
  }

  static Hash invoiceId(String sellerTaxId, String number) {
    return InvoiceStore.invoiceId(sellerTaxId, number);
  }

  static Hash name(String text) {
    return Keccak.hash(Bytes.wrap(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static Hash documentHash(String number) {
    return name("document " + number);
  }

  private static Bytes call(String signature, AbiWriter arguments) {
    return AbiSignatures.selectorBytes(AbiSignatures.selector(signature))
        .concat(arguments.toBytes());
  }

  private SignedTransaction send(Party from, Address to, Bytes data) {
    long nonce = nonces.merge(from.address(), 1L, Long::sum) - 1;
    return signer.sign(
        UnsignedTransaction.eip1559(
            CHAIN_ID,
            nonce,
            BigInteger.ZERO,
            BigInteger.ZERO,
            GAS_LIMIT,
            Optional.of(to),
            BigInteger.ZERO,
            data,
            List.of()),
        from.key());
  }

  private static Party party(String name, int seed) {
    PrivateKey key = new PrivateKey(BigInteger.valueOf(0xf15c_0000L + seed));
    return new Party(name, key, Secp256k1.address(key));
  }

  private static GenesisAllocation.Account account(Party party, int roles, Address bank) {
    return new GenesisAllocation.Account(party.address(), roles, 3, bank);
  }

  /** Every page of a paginated query, following cursors until there is none. */
  static <T> List<T> allPages(java.util.function.Function<Optional<String>, Page<T>> query) {
    List<T> all = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    for (int pages = 0; pages < 10_000; pages++) {
      Page<T> page = query.apply(cursor);
      all.addAll(page.items());
      if (page.nextCursor().isEmpty()) {
        return all;
      }
      cursor = page.nextCursor();
    }
    throw new AssertionError("pagination did not end");
  }
}
