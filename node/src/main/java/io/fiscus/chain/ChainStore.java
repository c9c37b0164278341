package io.fiscus.chain;

import io.fiscus.block.Block;
import io.fiscus.block.BlockCodecException;
import io.fiscus.block.BlockHeader;
import io.fiscus.block.BlockHeaderCodec;
import io.fiscus.block.QbftBlockHashing;
import io.fiscus.block.TransactionOutcome;
import io.fiscus.state.StateChanges;
import io.fiscus.state.StateView;
import io.fiscus.storage.Column;
import io.fiscus.storage.KeyValueStore;
import io.fiscus.storage.WriteBatch;
import io.fiscus.trie.TrieCommit;
import io.fiscus.trie.TrieNodeStore;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.tx.TransactionCodec;
import io.fiscus.tx.TransactionDecoding;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The committed chain on a {@link KeyValueStore}: blocks, receipts, the transaction index, the flat
 * state, the state trie nodes and the head, each block written as one atomic synced batch together
 * with what the {@link BlockIndexer} derives from it.
 *
 * <p>Layout: {@link Column#HEADERS} block number (8 bytes BE) → header RLP; {@link
 * Column#BLOCK_NUMBERS} block hash → number; {@link Column#BODIES} and {@link Column#RECEIPTS}
 * number → {@link StoredBlockCodec body} and outcomes; {@link Column#TRANSACTIONS} transaction hash
 * → number ‖ index; {@link FlatState} and {@link KeyValueTrieNodeStore} for the state; {@link
 * Column#METADATA} {@code "head"} → number ‖ hash, {@code "genesis"} → hash, {@code
 * "schema-version"} → 4 bytes BE.
 *
 * <p>Reads are safe from any thread and never show a block above the head: a block appears to
 * readers when the head moves to it, after its batch is durable. (The flat state is the store's
 * latest, so it may run ahead of {@link #headNumber()} for the instant between the two.) Writes
 * come from one thread.
 */
public final class ChainStore implements ChainReader, ChainWriter {
  /** The layout version this code writes; a store with another is refused. */
  public static final int SCHEMA_VERSION = 1;

  private static final byte[] HEAD_KEY = "head".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] GENESIS_KEY = "genesis".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SCHEMA_KEY = "schema-version".getBytes(StandardCharsets.US_ASCII);

  /** The head, published as one immutable value so readers see number, hash and header agree. */
  private record Head(long number, Hash hash, BlockHeader header) {}

  private final KeyValueStore store;
  private final BlockIndexer indexer;
  private final FlatState flatState;
  private final KeyValueTrieNodeStore trieNodes;
  private final List<ChainListener> listeners = new CopyOnWriteArrayList<>();
  private volatile Optional<Hash> genesisHash;
  private volatile Optional<Head> head;

  private ChainStore(
      KeyValueStore store, BlockIndexer indexer, Optional<Hash> genesisHash, Optional<Head> head) {
    this.store = store;
    this.indexer = indexer;
    this.flatState = new FlatState(store);
    this.trieNodes = new KeyValueTrieNodeStore(store);
    this.genesisHash = genesisHash;
    this.head = head;
  }

  /**
   * The chain in {@code store}, empty or not. Reads the head and genesis hash from the metadata.
   *
   * @throws IllegalStateException if the store was written with another schema version or its
   *     metadata is inconsistent
   */
  public static ChainStore open(KeyValueStore store, BlockIndexer indexer) {
    store
        .get(Column.METADATA, SCHEMA_KEY)
        .ifPresent(
            version -> {
              int stored = version.length == Integer.BYTES ? ByteBuffer.wrap(version).getInt() : -1;
              if (stored != SCHEMA_VERSION) {
                throw new IllegalStateException(
                    "the store has schema version "
                        + stored
                        + ", this node reads "
                        + SCHEMA_VERSION);
              }
            });
    Optional<Hash> genesisHash = store.get(Column.METADATA, GENESIS_KEY).map(Hash::wrap);
    Optional<Head> head = store.get(Column.METADATA, HEAD_KEY).map(value -> loadHead(store, value));
    if (genesisHash.isPresent() != head.isPresent()) {
      throw new IllegalStateException("the store has a genesis hash or a head, not both");
    }
    return new ChainStore(store, indexer, genesisHash, head);
  }

  private static Head loadHead(KeyValueStore store, byte[] value) {
    if (value.length != Long.BYTES + Hash.SIZE) {
      throw new IllegalStateException("corrupt head record: " + value.length + " bytes");
    }
    ByteBuffer buffer = ByteBuffer.wrap(value);
    long number = buffer.getLong();
    byte[] hash = new byte[Hash.SIZE];
    buffer.get(hash);
    BlockHeader header =
        store
            .get(Column.HEADERS, StoredBlockCodec.number(number))
            .map(encoded -> decodeHeader(encoded, number))
            .orElseThrow(() -> new IllegalStateException("head block " + number + " is missing"));
    Head head = new Head(number, Hash.wrap(hash), header);
    if (!QbftBlockHashing.blockHash(header).equals(head.hash())) {
      throw new IllegalStateException("head block " + number + " does not hash to the head hash");
    }
    return head;
  }

  private static byte[] headRecord(long number, Hash hash) {
    return ByteBuffer.allocate(Long.BYTES + Hash.SIZE)
        .putLong(number)
        .put(hash.bytes().unsafeArray())
        .array();
  }

  /** The genesis hash the store was created with, empty on a new store. */
  public Optional<Hash> storedGenesisHash() {
    return genesisHash;
  }

  /** True until {@link #commitGenesis} has run on this store. */
  public boolean isEmpty() {
    return head.isEmpty();
  }

  // ---------------------------------------------------------------- ChainReader

  @Override
  public Hash genesisHash() {
    return genesisHash.orElseThrow(ChainStore::noGenesis);
  }

  @Override
  public long headNumber() {
    return requireHead().number();
  }

  @Override
  public BlockHeader headHeader() {
    return requireHead().header();
  }

  /** The hash of the head block. */
  public Hash headHash() {
    return requireHead().hash();
  }

  @Override
  public Optional<BlockHeader> header(long number) {
    Optional<Head> current = head;
    if (current.isEmpty() || number < 0 || number > current.get().number()) {
      return Optional.empty();
    }
    if (number == current.get().number()) {
      return Optional.of(current.get().header());
    }
    return store
        .get(Column.HEADERS, StoredBlockCodec.number(number))
        .map(encoded -> decodeHeader(encoded, number));
  }

  @Override
  public Optional<Long> numberOf(Hash blockHash) {
    return store
        .get(Column.BLOCK_NUMBERS, blockHash.bytes().unsafeArray())
        .map(StoredBlockCodec::number)
        .filter(this::isCommitted);
  }

  @Override
  public Optional<Block> block(long number) {
    return header(number)
        .map(
            header -> {
              List<Bytes> raw = new ArrayList<>();
              storedBody(number).forEach(transaction -> raw.add(transaction.raw()));
              return new Block(header, raw);
            });
  }

  @Override
  public List<SignedTransaction> transactions(long number) {
    if (!isCommitted(number)) {
      return List.of();
    }
    List<StoredBlockCodec.StoredTransaction> stored = storedBody(number);
    List<SignedTransaction> transactions = new ArrayList<>(stored.size());
    for (int index = 0; index < stored.size(); index++) {
      transactions.add(decode(stored.get(index), number, index));
    }
    return transactions;
  }

  @Override
  public List<TransactionOutcome> outcomes(long number) {
    if (!isCommitted(number)) {
      return List.of();
    }
    return store
        .get(Column.RECEIPTS, StoredBlockCodec.number(number))
        .map(encoded -> StoredBlockCodec.outcomes(encoded, number))
        .orElseThrow(() -> new IllegalStateException("receipts of block " + number + " missing"));
  }

  @Override
  public Optional<TransactionLocation> transactionLocation(Hash transactionHash) {
    Optional<byte[]> encoded =
        store.get(Column.TRANSACTIONS, transactionHash.bytes().unsafeArray());
    if (encoded.isEmpty()) {
      return Optional.empty();
    }
    long number = StoredBlockCodec.locationNumber(encoded.get());
    Optional<Head> current = head;
    if (current.isPresent() && current.get().number() == number) {
      // Most lookups are for recent transactions: skip hashing the head header again.
      return Optional.of(StoredBlockCodec.location(encoded.get(), current.get().hash()));
    }
    return header(number)
        .map(header -> StoredBlockCodec.location(encoded.get(), blockHash(header)));
  }

  @Override
  public StateView latestState() {
    return flatState;
  }

  @Override
  public TrieNodeStore trieNodes() {
    return trieNodes;
  }

  @Override
  public void addListener(ChainListener listener) {
    listeners.add(listener);
  }

  // ---------------------------------------------------------------- ChainWriter

  @Override
  public synchronized void commitGenesis(Block genesis, StateChanges state, TrieCommit trie) {
    if (head.isPresent()) {
      throw new IllegalStateException("the store already holds the chain of " + genesisHash());
    }
    BlockHeader header = genesis.header();
    if (header.number() != 0) {
      throw new IllegalStateException("genesis must be block 0, not " + header.number());
    }
    if (!genesis.transactions().isEmpty()) {
      throw new IllegalStateException("genesis must carry no transactions");
    }
    requireStateRoot(header, trie);
    Hash hash = QbftBlockHashing.blockHash(header);
    CommittedBlock block = new CommittedBlock(hash, genesis, List.of(), List.of());
    WriteBatch batch = store.newBatch();
    write(block, state, trie, batch);
    batch.put(Column.METADATA, GENESIS_KEY, hash.bytes().unsafeArray());
    batch.put(
        Column.METADATA,
        SCHEMA_KEY,
        ByteBuffer.allocate(Integer.BYTES).putInt(SCHEMA_VERSION).array());
    store.commit(batch);
    genesisHash = Optional.of(hash);
    head = Optional.of(new Head(0, hash, header));
    notifyListeners(block);
  }

  @Override
  public synchronized void commit(CommittedBlock block, StateChanges state, TrieCommit trie) {
    Head current = requireHead();
    BlockHeader header = block.block().header();
    if (header.number() != current.number() + 1) {
      throw new IllegalStateException(
          "block " + header.number() + " does not follow head " + current.number());
    }
    if (!header.parentHash().equals(current.hash())) {
      throw new IllegalStateException(
          "block "
              + header.number()
              + " has parent "
              + header.parentHash()
              + ", head is "
              + current.hash());
    }
    requireStateRoot(header, trie);
    requireConsistent(block);
    WriteBatch batch = store.newBatch();
    write(block, state, trie, batch);
    store.commit(batch);
    head = Optional.of(new Head(header.number(), block.hash(), header));
    notifyListeners(block);
  }

  /** Everything of one block into {@code batch}; the caller adds genesis metadata and commits. */
  private void write(CommittedBlock block, StateChanges state, TrieCommit trie, WriteBatch batch) {
    long number = block.number();
    byte[] numberKey = StoredBlockCodec.number(number);
    batch.put(
        Column.HEADERS, numberKey, BlockHeaderCodec.encode(block.block().header()).unsafeArray());
    batch.put(Column.BLOCK_NUMBERS, block.hash().bytes().unsafeArray(), numberKey);
    batch.put(Column.BODIES, numberKey, StoredBlockCodec.body(block.transactions()));
    batch.put(Column.RECEIPTS, numberKey, StoredBlockCodec.outcomes(block.outcomes()));
    for (int index = 0; index < block.transactions().size(); index++) {
      batch.put(
          Column.TRANSACTIONS,
          block.transactions().get(index).hash().bytes().unsafeArray(),
          StoredBlockCodec.location(number, index));
    }
    List<StateChanges.StorageWrite> storageWrites = state.sortedStorageWrites();
    SortedMap<Address, Long> nonces = state.sortedNonces();
    FlatState.write(storageWrites, nonces, batch);
    KeyValueTrieNodeStore.write(trie, batch);
    // Before the batch commits, the store still holds the state before the block.
    indexer.index(block, flatState, new ChangedState(flatState, storageWrites, nonces), batch);
    batch.put(Column.METADATA, HEAD_KEY, headRecord(number, block.hash()));
  }

  private static void requireStateRoot(BlockHeader header, TrieCommit trie) {
    if (!header.stateRoot().equals(trie.root())) {
      throw new IllegalStateException(
          "block "
              + header.number()
              + " has state root "
              + header.stateRoot()
              + " but the trie commit's root is "
              + trie.root());
    }
  }

  /** The decoded transactions and the hash must be those of the block itself. */
  private static void requireConsistent(CommittedBlock block) {
    Hash hash = blockHash(block.block().header());
    if (!hash.equals(block.hash())) {
      throw new IllegalStateException(
          "block " + block.number() + " hashes to " + hash + ", not " + block.hash());
    }
    for (int index = 0; index < block.transactions().size(); index++) {
      if (!block.transactions().get(index).raw().equals(block.block().transactions().get(index))) {
        throw new IllegalStateException(
            "decoded transaction " + index + " of block " + block.number() + " is not the raw one");
      }
    }
  }

  /** Listeners run in registration order; one that throws is a bug and stops the caller. */
  private void notifyListeners(CommittedBlock block) {
    for (ChainListener listener : listeners) {
      listener.onBlockCommitted(block);
    }
  }

  // ---------------------------------------------------------------- helpers

  private Head requireHead() {
    return head.orElseThrow(ChainStore::noGenesis);
  }

  private static IllegalStateException noGenesis() {
    return new IllegalStateException("the chain store is empty: no genesis committed");
  }

  private boolean isCommitted(long number) {
    Optional<Head> current = head;
    return current.isPresent() && number >= 0 && number <= current.get().number();
  }

  private List<StoredBlockCodec.StoredTransaction> storedBody(long number) {
    return store
        .get(Column.BODIES, StoredBlockCodec.number(number))
        .map(encoded -> StoredBlockCodec.body(encoded, number))
        .orElseThrow(() -> new IllegalStateException("body of block " + number + " missing"));
  }

  private static SignedTransaction decode(
      StoredBlockCodec.StoredTransaction stored, long number, int index) {
    TransactionDecoding decoding =
        new TransactionCodec(new StoredSender(stored.sender())).decode(stored.raw());
    return switch (decoding) {
      case TransactionDecoding.Decoded decoded -> decoded.transaction();
      case TransactionDecoding.Rejected rejected ->
          throw new IllegalStateException(
              "stored transaction "
                  + index
                  + " of block "
                  + number
                  + " does not decode: "
                  + rejected.reason()
                  + " "
                  + rejected.detail());
    };
  }

  private static BlockHeader decodeHeader(byte[] encoded, long number) {
    try {
      return BlockHeaderCodec.decode(Bytes.wrap(encoded));
    } catch (BlockCodecException e) {
      throw new IllegalStateException("corrupt header of block " + number, e);
    }
  }

  private static Hash blockHash(BlockHeader header) {
    return QbftBlockHashing.blockHash(header);
  }
}
