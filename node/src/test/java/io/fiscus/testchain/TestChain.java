package io.fiscus.testchain;

import io.fiscus.block.Block;
import io.fiscus.block.BlockHeader;
import io.fiscus.block.LogsBloom;
import io.fiscus.block.QbftBlockHashing;
import io.fiscus.block.QbftExtraData;
import io.fiscus.block.QbftExtraDataCodec;
import io.fiscus.chain.BlockIndexer;
import io.fiscus.chain.ChainStore;
import io.fiscus.chain.CommittedBlock;
import io.fiscus.consensus.qbft.Validators;
import io.fiscus.contracts.SystemContracts;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.crypto.Signature;
import io.fiscus.execution.BlockContext;
import io.fiscus.execution.BlockExecution;
import io.fiscus.execution.BlockExecutor;
import io.fiscus.execution.TransferWorkload;
import io.fiscus.index.ChainIndexer;
import io.fiscus.state.StateChanges;
import io.fiscus.state.StateCommitment;
import io.fiscus.storage.KeyValueStore;
import io.fiscus.storage.memory.MemoryKeyValueStore;
import io.fiscus.trie.TrieCommit;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A real chain for tests: the node's {@link ChainStore} over a {@link KeyValueStore}, each block
 * executed by the contracts' {@link BlockExecutor} on the stored state, its state root committed to
 * the store's trie, and its QBFT header sealed by a quorum of real validator keys over the commit
 * seal hash, as a committed block of the node is. Proposers rotate through the validators.
 */
public final class TestChain {
  public static final long GAS_LIMIT = 30_000_000L;
  public static final long GENESIS_TIMESTAMP = 1_700_000_000L;

  /** A block ready to commit, with what the executor produced for it. */
  public record Prepared(CommittedBlock block, StateChanges changes, TrieCommit trie) {}

  private final ChainStore chain;
  private final StateChanges genesisState;
  private final long gasLimit;
  private final Map<Address, PrivateKey> validatorKeys = new TreeMap<>();
  private final List<Address> validators;
  private final BlockExecutor executor = new BlockExecutor(new SystemContracts());
  private long blockPeriodSeconds = 1;
  private StateCommitment commitment;

  /**
   * A chain in {@code store}, indexed by {@code indexer}, not yet at genesis: {@link
   * #commitGenesis()} writes {@code genesisState}; {@code validatorKeys} seal every block.
   */
  public TestChain(
      KeyValueStore store,
      BlockIndexer indexer,
      StateChanges genesisState,
      List<PrivateKey> validatorKeys,
      long gasLimit) {
    validatorKeys.forEach(key -> this.validatorKeys.put(Secp256k1.address(key), key));
    this.validators = List.copyOf(this.validatorKeys.keySet());
    this.chain = ChainStore.open(store, indexer);
    this.genesisState = genesisState;
    this.gasLimit = gasLimit;
  }

  /**
   * The transfer workload's chain in {@code store}, not yet at genesis: each account holds {@code
   * balance}, account 0 is the only validator.
   */
  public static TestChain ofTransfers(
      KeyValueStore store,
      BlockIndexer indexer,
      TransferWorkload workload,
      long balance,
      long gasLimit) {
    return new TestChain(
        store, indexer, workload.genesisChanges(balance), List.of(workload.key(0)), gasLimit);
  }

  /**
   * The transfer workload's chain in memory at its genesis, each account holding {@code balance},
   * account 0 the only validator, blocks indexed by the real {@link ChainIndexer}.
   */
  public static TestChain ofTransfers(TransferWorkload workload, long balance) {
    TestChain chain =
        ofTransfers(new MemoryKeyValueStore(), new ChainIndexer(), workload, balance, GAS_LIMIT);
    chain.commitGenesis();
    return chain;
  }

  /** Spaces block timestamps {@code seconds} apart (one second unless set); returns this chain. */
  public TestChain blockPeriodSeconds(long seconds) {
    this.blockPeriodSeconds = seconds;
    return this;
  }

  /** The timestamp of block {@code number}. */
  public long timestampOf(long number) {
    return GENESIS_TIMESTAMP + blockPeriodSeconds * number;
  }

  /** The store's chain: what the code under test reads and writes. */
  public ChainStore chainStore() {
    return chain;
  }

  /** The validators, ordered by address. */
  public List<Address> validators() {
    return validators;
  }

  public StateChanges genesisChanges() {
    return genesisState;
  }

  /** Commits the genesis state with the validators in its extra data; returns the block. */
  public Block commitGenesis() {
    commitment = new StateCommitment(chain.trieNodes(), Hash.EMPTY_TRIE);
    TrieCommit trie = commitment.apply(genesisState);
    BlockHeader header =
        BlockHeader.qbft(
            Hash.ZERO,
            Address.ZERO,
            trie.root(),
            Hash.EMPTY_TRIE,
            Hash.EMPTY_TRIE,
            LogsBloom.EMPTY,
            0,
            gasLimit,
            0,
            GENESIS_TIMESTAMP,
            QbftExtraDataCodec.encode(QbftExtraData.genesis(validators)));
    Block genesis = new Block(header, List.of());
    chain.commitGenesis(genesis, genesisState, trie);
    return genesis;
  }

  /** Continues a chain already in the store (after a reopen, or after an uncommitted prepare). */
  public void resume() {
    commitment = new StateCommitment(chain.trieNodes(), chain.headHeader().stateRoot());
  }

  /** Executes and commits the next block; returns it as the store committed it. */
  public CommittedBlock append(List<SignedTransaction> transactions) {
    return commitNext(transactions).block();
  }

  /** Executes and commits the next block. */
  public Prepared commitNext(List<SignedTransaction> transactions) {
    Prepared prepared = prepareNext(transactions);
    chain.commit(prepared.block(), prepared.changes(), prepared.trie());
    return prepared;
  }

  public Prepared prepareNext(List<SignedTransaction> transactions) {
    return prepare(chain.headNumber() + 1, chain.headHash(), transactions);
  }

  /**
   * Executes {@code transactions} on the head state as block {@code number} with {@code parent}.
   * Advances the in-memory commitment: call {@link #resume()} if the block is not committed.
   */
  public Prepared prepare(long number, Hash parent, List<SignedTransaction> transactions) {
    long timestamp = timestampOf(number);
    BlockExecution execution =
        executor.execute(
            chain.latestState(), new BlockContext(number, timestamp, gasLimit), transactions);
    if (!(execution instanceof BlockExecution.Executed executed)) {
      throw new IllegalArgumentException("invalid test block: " + execution);
    }
    TrieCommit trie = commitment.apply(executed.changes());
    BlockHeader unsealed =
        BlockHeader.qbft(
            parent,
            validators.get((int) (number % validators.size())),
            trie.root(),
            executed.transactionsRoot(),
            executed.receiptsRoot(),
            executed.logsBloom(),
            number,
            gasLimit,
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
    return new Prepared(block, executed.changes(), trie);
  }

  /** Commit seals from the first quorum of validators, by address. */
  private List<Signature> seals(BlockHeader header) {
    Hash sealHash = QbftBlockHashing.commitSealHash(header);
    return validators.stream()
        .limit(Validators.quorum(validators.size()))
        .map(validator -> Secp256k1.signer().sign(sealHash, validatorKeys.get(validator)))
        .toList();
  }

  /** Block {@code number} as read back from the store. */
  public CommittedBlock committed(long number) {
    Block block = chain.block(number).orElseThrow();
    return new CommittedBlock(
        QbftBlockHashing.blockHash(block.header()),
        block,
        chain.transactions(number),
        chain.outcomes(number));
  }

  /**
   * Signs {@code workload} transfers, each {from, to, amount}, with the next nonces of their
   * senders on the head state.
   */
  public List<SignedTransaction> transfers(TransferWorkload workload, List<int[]> fromToAmount) {
    Map<Integer, Long> nonces = new TreeMap<>();
    List<SignedTransaction> transactions = new ArrayList<>();
    for (int[] transfer : fromToAmount) {
      int from = transfer[0];
      long nonce =
          nonces.computeIfAbsent(
              from, account -> chain.latestState().nonce(workload.account(account)));
      transactions.add(workload.transfer(from, transfer[1], transfer[2], nonce));
      nonces.put(from, nonce + 1);
    }
    return transactions;
  }
}
