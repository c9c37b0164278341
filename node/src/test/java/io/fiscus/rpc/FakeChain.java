package io.fiscus.rpc;

import io.fiscus.block.Block;
import io.fiscus.block.BlockHeader;
import io.fiscus.block.LogsBloom;
import io.fiscus.block.QbftBlockHashing;
import io.fiscus.block.QbftExtraData;
import io.fiscus.block.QbftExtraDataCodec;
import io.fiscus.block.TransactionOutcome;
import io.fiscus.chain.ChainListener;
import io.fiscus.chain.ChainReader;
import io.fiscus.chain.CommittedBlock;
import io.fiscus.chain.TransactionLocation;
import io.fiscus.contracts.SystemContracts;
import io.fiscus.execution.BlockContext;
import io.fiscus.execution.BlockExecution;
import io.fiscus.execution.BlockExecutor;
import io.fiscus.execution.TransferWorkload;
import io.fiscus.state.MemoryState;
import io.fiscus.state.StateCommitment;
import io.fiscus.state.StateView;
import io.fiscus.trie.MemoryTrieNodeStore;
import io.fiscus.trie.TrieCommit;
import io.fiscus.trie.TrieNodeStore;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory chain of really executed blocks: the {@link TransferWorkload} genesis, then each
 * {@link #commit} runs the block through the real {@link BlockExecutor}, commits its state root and
 * builds a QBFT header, as the node would (minus seals).
 */
public final class FakeChain implements ChainReader {
  public static final long GAS_LIMIT = 30_000_000L;
  public static final long GENESIS_TIMESTAMP = 1_700_000_000L;
  public static final Address PROPOSER =
      Address.fromHex("0x00000000000000000000000000000000000000aa");

  private final TransferWorkload workload;
  private final BlockExecutor executor = new BlockExecutor(new SystemContracts());
  private final MemoryTrieNodeStore trieNodes = new MemoryTrieNodeStore();
  private final MemoryState state;
  private final StateCommitment commitment;
  private final List<CommittedBlock> blocks = new CopyOnWriteArrayList<>();
  private final Map<Hash, Long> numbers = new ConcurrentHashMap<>();
  private final Map<Hash, TransactionLocation> locations = new ConcurrentHashMap<>();
  private final List<ChainListener> listeners = new CopyOnWriteArrayList<>();

  /** A chain at genesis where each account of {@code workload} holds {@code balance}. */
  public FakeChain(TransferWorkload workload, long balance) {
    this.workload = workload;
    this.state = workload.genesis(balance);
    this.commitment = new StateCommitment(trieNodes, Hash.EMPTY_TRIE);
    TrieCommit genesisRoot = commitment.apply(workload.genesisChanges(balance));
    trieNodes.putAll(genesisRoot);
    BlockHeader genesis =
        new BlockHeader(
            Hash.ZERO,
            Hash.EMPTY_LIST,
            Address.ZERO,
            genesisRoot.root(),
            Hash.EMPTY_TRIE,
            Hash.EMPTY_TRIE,
            LogsBloom.EMPTY,
            1,
            0,
            GAS_LIMIT,
            0,
            GENESIS_TIMESTAMP,
            extraData(),
            BlockHeader.BFT_MIX_HASH,
            BlockHeader.ZERO_NONCE,
            0);
    add(
        new CommittedBlock(
            QbftBlockHashing.blockHash(genesis),
            new Block(genesis, List.of()),
            List.of(),
            List.of()));
  }

  public TransferWorkload workload() {
    return workload;
  }

  /** Executes and commits the next block with {@code transactions}; tells the listeners. */
  public synchronized CommittedBlock commit(List<SignedTransaction> transactions) {
    BlockHeader parent = headHeader();
    long number = parent.number() + 1;
    long timestamp = GENESIS_TIMESTAMP + number;
    BlockExecution execution =
        executor.execute(state, new BlockContext(number, timestamp, GAS_LIMIT), transactions);
    if (!(execution instanceof BlockExecution.Executed executed)) {
      throw new IllegalArgumentException("invalid test block: " + execution);
    }
    TrieCommit root = commitment.apply(executed.changes());
    trieNodes.putAll(root);
    state.apply(executed.changes());
    BlockHeader header =
        BlockHeader.qbft(
            QbftBlockHashing.blockHash(parent),
            PROPOSER,
            root.root(),
            executed.transactionsRoot(),
            executed.receiptsRoot(),
            executed.logsBloom(),
            number,
            GAS_LIMIT,
            executed.gasUsed(),
            timestamp,
            extraData());
    Block block = new Block(header, transactions.stream().map(SignedTransaction::raw).toList());
    CommittedBlock committed =
        new CommittedBlock(
            QbftBlockHashing.blockHash(header), block, transactions, executed.outcomes());
    add(committed);
    listeners.forEach(listener -> listener.onBlockCommitted(committed));
    return committed;
  }

  public CommittedBlock committed(long number) {
    return blocks.get((int) number);
  }

  private void add(CommittedBlock block) {
    blocks.add(block);
    numbers.put(block.hash(), block.number());
    for (int index = 0; index < block.transactions().size(); index++) {
      locations.put(
          block.transactions().get(index).hash(),
          new TransactionLocation(block.hash(), block.number(), index));
    }
  }

  private static Bytes extraData() {
    return QbftExtraDataCodec.encode(
        new QbftExtraData(
            QbftExtraData.ZERO_VANITY, List.of(PROPOSER), Optional.empty(), 0, List.of()));
  }

  @Override
  public Hash genesisHash() {
    return blocks.get(0).hash();
  }

  @Override
  public long headNumber() {
    return (long) blocks.size() - 1;
  }

  @Override
  public BlockHeader headHeader() {
    return blocks.get(blocks.size() - 1).block().header();
  }

  @Override
  public Optional<BlockHeader> header(long number) {
    return block(number).map(Block::header);
  }

  @Override
  public Optional<Long> numberOf(Hash blockHash) {
    return Optional.ofNullable(numbers.get(blockHash));
  }

  @Override
  public Optional<Block> block(long number) {
    return number >= 0 && number < blocks.size()
        ? Optional.of(blocks.get((int) number).block())
        : Optional.empty();
  }

  @Override
  public List<SignedTransaction> transactions(long number) {
    return number >= 0 && number < blocks.size()
        ? blocks.get((int) number).transactions()
        : List.of();
  }

  @Override
  public List<TransactionOutcome> outcomes(long number) {
    return number >= 0 && number < blocks.size() ? blocks.get((int) number).outcomes() : List.of();
  }

  @Override
  public Optional<TransactionLocation> transactionLocation(Hash transactionHash) {
    return Optional.ofNullable(locations.get(transactionHash));
  }

  @Override
  public synchronized StateView latestState() {
    return state.copy();
  }

  @Override
  public TrieNodeStore trieNodes() {
    return trieNodes;
  }

  @Override
  public void addListener(ChainListener listener) {
    listeners.add(listener);
  }
}
