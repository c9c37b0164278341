package io.fiscus.rpc.testchain;

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
import io.fiscus.consensus.qbft.Validators;
import io.fiscus.contracts.GenesisAllocation;
import io.fiscus.contracts.SystemContracts;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.crypto.Signature;
import io.fiscus.execution.BlockContext;
import io.fiscus.execution.BlockExecution;
import io.fiscus.execution.BlockExecutor;
import io.fiscus.state.MemoryState;
import io.fiscus.state.StateChanges;
import io.fiscus.state.StateCommitment;
import io.fiscus.state.StateView;
import io.fiscus.trie.MemoryTrieNodeStore;
import io.fiscus.trie.TrieCommit;
import io.fiscus.trie.TrieNodeStore;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link ChainReader} over real blocks: each appended block is executed by the contracts' {@link
 * BlockExecutor} from a genesis written by {@link SystemContracts#initialize}, its state committed
 * to a trie in memory, and its header sealed by a quorum of real validator keys over the QBFT
 * commit-seal hash. Proposers rotate through the validators.
 */
public final class FakeChain implements ChainReader {
  public static final long GAS_LIMIT = 30_000_000;
  public static final long GENESIS_TIMESTAMP = 1_700_000_000L;

  private final SystemContracts contracts = new SystemContracts();
  private final BlockExecutor executor = new BlockExecutor(contracts);
  private final MemoryTrieNodeStore nodes = new MemoryTrieNodeStore();
  private final MemoryState state = new MemoryState();
  private final Map<Address, PrivateKey> validatorKeys = new TreeMap<>();
  private final List<Address> validators;
  private final List<CommittedBlock> blocks = new ArrayList<>();
  private final Map<Hash, Long> numbers = new HashMap<>();
  private final Map<Hash, TransactionLocation> locations = new HashMap<>();
  private final StateCommitment commitment;

  private FakeChain(List<PrivateKey> keys) {
    keys.forEach(key -> validatorKeys.put(Secp256k1.address(key), key));
    this.validators = List.copyOf(validatorKeys.keySet());
    this.commitment = new StateCommitment(nodes, Hash.EMPTY_TRIE);
  }

  /** A chain at its genesis block: {@code allocation} in the contracts, {@code keys} validate. */
  public static FakeChain genesis(GenesisAllocation allocation, List<PrivateKey> keys) {
    FakeChain chain = new FakeChain(keys);
    StateChanges changes = new StateChanges(new MemoryState());
    SystemContracts.initialize(changes, allocation);
    Hash root = chain.commit(changes);
    BlockHeader header =
        BlockHeader.qbft(
            Hash.ZERO,
            Address.ZERO,
            root,
            Hash.EMPTY_TRIE,
            Hash.EMPTY_TRIE,
            LogsBloom.EMPTY,
            0,
            GAS_LIMIT,
            0,
            GENESIS_TIMESTAMP,
            QbftExtraDataCodec.encode(QbftExtraData.genesis(chain.validators)));
    chain.add(
        new CommittedBlock(
            QbftBlockHashing.blockHash(header),
            new Block(header, List.of()),
            List.of(),
            List.of()));
    return chain;
  }

  public List<Address> validators() {
    return validators;
  }

  /** Executes {@code transactions} as the next block, sealed by a quorum of the validators. */
  public CommittedBlock append(List<SignedTransaction> transactions) {
    BlockHeader parent = headHeader();
    long number = parent.number() + 1;
    long timestamp = parent.timestamp() + 1;
    BlockExecution execution =
        executor.execute(state, new BlockContext(number, timestamp, GAS_LIMIT), transactions);
    if (!(execution instanceof BlockExecution.Executed executed)) {
      throw new IllegalArgumentException("invalid test block: " + execution);
    }
    Hash root = commit(executed.changes());
    BlockHeader unsealed =
        BlockHeader.qbft(
            QbftBlockHashing.blockHash(parent),
            validators.get((int) (number % validators.size())),
            root,
            executed.transactionsRoot(),
            executed.receiptsRoot(),
            executed.logsBloom(),
            number,
            GAS_LIMIT,
            executed.gasUsed(),
            timestamp,
            QbftExtraDataCodec.encode(
                new QbftExtraData(
                    QbftExtraData.ZERO_VANITY, validators, Optional.empty(), 0, List.of())));
    BlockHeader sealed = QbftBlockHashing.withCommitSeals(unsealed, seals(unsealed));
    List<Bytes> raw = transactions.stream().map(SignedTransaction::raw).toList();
    CommittedBlock block =
        new CommittedBlock(
            QbftBlockHashing.blockHash(sealed),
            new Block(sealed, raw),
            transactions,
            executed.outcomes());
    add(block);
    return block;
  }

  /** Commit seals from the first quorum of validators, by address. */
  private List<Signature> seals(BlockHeader header) {
    Hash sealHash = QbftBlockHashing.commitSealHash(header);
    return validators.stream()
        .limit(Validators.quorum(validators.size()))
        .map(validator -> Secp256k1.signer().sign(sealHash, validatorKeys.get(validator)))
        .toList();
  }

  private Hash commit(StateChanges changes) {
    TrieCommit trie = commitment.apply(changes);
    nodes.putAll(trie);
    state.apply(changes);
    return trie.root();
  }

  private void add(CommittedBlock block) {
    blocks.add(block);
    numbers.put(block.hash(), block.number());
    for (int i = 0; i < block.transactions().size(); i++) {
      locations.put(
          block.transactions().get(i).hash(),
          new TransactionLocation(block.hash(), block.number(), i));
    }
  }

  public CommittedBlock committed(long number) {
    return blocks.get((int) number);
  }

  @Override
  public Hash genesisHash() {
    return blocks.get(0).hash();
  }

  @Override
  public long headNumber() {
    return blocks.size() - 1L;
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
  public StateView latestState() {
    return state;
  }

  @Override
  public TrieNodeStore trieNodes() {
    return nodes;
  }

  @Override
  public void addListener(ChainListener listener) {
    throw new UnsupportedOperationException("the RPC methods never listen");
  }
}
