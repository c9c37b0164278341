package io.fiscus.client.finality;

import io.fiscus.block.Block;
import io.fiscus.block.BlockHeader;
import io.fiscus.block.QbftBlockHashing;
import io.fiscus.block.QbftExtraData;
import io.fiscus.block.QbftExtraDataCodec;
import io.fiscus.block.Vote;
import io.fiscus.chain.ChainStore;
import io.fiscus.chain.CommittedBlock;
import io.fiscus.consensus.driver.ChainBlock;
import io.fiscus.consensus.qbft.Validators;
import io.fiscus.consensus.qbft.VoteTally;
import io.fiscus.contracts.GenesisAllocation;
import io.fiscus.contracts.SystemContracts;
import io.fiscus.contracts.registry.Roles;
import io.fiscus.contracts.system.SystemAddresses;
import io.fiscus.crypto.PrivateKey;
import io.fiscus.crypto.Secp256k1;
import io.fiscus.crypto.Signature;
import io.fiscus.index.ChainIndexer;
import io.fiscus.state.MemoryState;
import io.fiscus.state.StateChanges;
import io.fiscus.storage.memory.MemoryKeyValueStore;
import io.fiscus.testchain.LedgerScenario;
import io.fiscus.testchain.SignedCalls;
import io.fiscus.testchain.TestChain;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.types.Address;
import io.fiscus.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * A real chain (the node's {@link ChainStore}, blocks executed by the contracts) whose headers
 * carry validator votes: each block's validators are those the node's own {@link VoteTally} gives,
 * and it is sealed by a quorum of them, as the node would commit it. A block can also be forged
 * (listing, sealing or linking as a test says), for a node that serves a chain it should not.
 */
final class VotingChain {
  static final long CHAIN_ID = LedgerScenario.CHAIN_ID;

  private final Map<Address, PrivateKey> keys = new TreeMap<>();
  private final List<Address> pool = new ArrayList<>();
  private final TestChain chain;
  private final long epochLength;
  private final PrivateKey bankKey = key(500);
  private final Address customer = Secp256k1.address(key(501));
  private VoteTally tally;
  private long bankNonce;

  /**
   * A chain at its genesis with the first {@code genesisValidators} of {@code poolSize} keys as its
   * validators.
   */
  VotingChain(int poolSize, int genesisValidators, long epochLength) {
    this.epochLength = epochLength;
    IntStream.range(0, poolSize)
        .mapToObj(i -> key(2000 + i))
        .forEach(
            key -> {
              keys.put(Secp256k1.address(key), key);
              pool.add(Secp256k1.address(key));
            });
    List<PrivateKey> genesisKeys =
        pool.subList(0, genesisValidators).stream().map(keys::get).toList();
    chain =
        new TestChain(
            new MemoryKeyValueStore(),
            new ChainIndexer(),
            genesisState(),
            genesisKeys,
            TestChain.GAS_LIMIT);
    chain.commitGenesis();
    tally = VoteTally.genesis(Validators.of(chain.validators()));
  }

  /** Key {@code index} of the pool; the first ones are the genesis validators. */
  Address member(int index) {
    return pool.get(index);
  }

  /** The key of pool member {@code member}, to forge its seals. */
  PrivateKey keyOf(Address member) {
    return keys.get(member);
  }

  ChainStore store() {
    return chain.chainStore();
  }

  /** The genesis validators, as hex. */
  List<String> genesisValidators() {
    return chain.validators().stream().map(Address::toHex).toList();
  }

  /** The validators of the next block, by the node's tally. */
  List<Address> validators() {
    return tally.validators().sorted();
  }

  long height() {
    return store().headNumber();
  }

  /** A payment the bank signs, for a block to carry. */
  SignedTransaction payment(long amount) {
    return SignedCalls.sign(
        bankKey,
        CHAIN_ID,
        bankNonce++,
        200_000,
        Optional.of(SystemAddresses.TOKEN),
        LedgerScenario.transfer(customer, amount));
  }

  /** Commits the next block, proposed by the next validator in turn, carrying {@code vote}. */
  CommittedBlock append(Optional<Vote> vote, List<SignedTransaction> transactions) {
    return next().vote(vote).transactions(transactions).commit();
  }

  /** Commits {@code count} empty blocks without votes. */
  void appendEmpty(int count) {
    for (int i = 0; i < count; i++) {
      append(Optional.empty(), List.of());
    }
  }

  /** The next block as the node makes it, to change before committing. */
  NextBlock next() {
    List<Address> validators = validators();
    Address proposer = validators.get((int) ((height() + 1) % validators.size()));
    List<Address> sealers = validators.subList(0, Validators.quorum(validators.size()));
    return new NextBlock(proposer, Optional.empty(), List.of(), validators, sealers);
  }

  /** A block about to be committed. */
  final class NextBlock {
    private Address proposer;
    private Optional<Vote> vote;
    private List<SignedTransaction> transactions;
    private List<Address> listed;
    private List<Address> sealers;

    private NextBlock(
        Address proposer,
        Optional<Vote> vote,
        List<SignedTransaction> transactions,
        List<Address> listed,
        List<Address> sealers) {
      this.proposer = proposer;
      this.vote = vote;
      this.transactions = transactions;
      this.listed = listed;
      this.sealers = sealers;
    }

    NextBlock proposer(Address value) {
      proposer = value;
      return this;
    }

    NextBlock vote(Optional<Vote> value) {
      vote = value;
      return this;
    }

    NextBlock transactions(List<SignedTransaction> value) {
      transactions = value;
      return this;
    }

    /** The validators its extraData lists (the node's tally unless forged). */
    NextBlock listing(List<Address> value) {
      listed = value.stream().sorted().toList();
      return this;
    }

    /** Who seals it (a quorum of the validators unless forged). */
    NextBlock sealedBy(List<Address> value) {
      sealers = value;
      return this;
    }

    CommittedBlock commit() {
      TestChain.Prepared prepared = chain.prepareNext(transactions);
      BlockHeader built = prepared.block().block().header();
      QbftExtraData extraData =
          new QbftExtraData(QbftExtraData.ZERO_VANITY, listed, vote, 0, List.of());
      BlockHeader unsealed =
          withProposer(built, proposer).withExtraData(QbftExtraDataCodec.encode(extraData));
      Hash sealHash = QbftBlockHashing.commitSealHash(unsealed);
      List<Signature> seals =
          sealers.stream().map(s -> Secp256k1.signer().sign(sealHash, keys.get(s))).toList();
      BlockHeader sealed = QbftBlockHashing.withCommitSeals(unsealed, seals);
      CommittedBlock block =
          new CommittedBlock(
              QbftBlockHashing.blockHash(sealed),
              new Block(sealed, prepared.block().block().transactions()),
              prepared.block().transactions(),
              prepared.block().outcomes());
      store().commit(block, prepared.changes(), prepared.trie());
      tally = tally.apply(ChainBlock.ofHeader(sealed), epochLength);
      return block;
    }
  }

  private static BlockHeader withProposer(BlockHeader h, Address proposer) {
    return new BlockHeader(
        h.parentHash(),
        h.ommersHash(),
        proposer,
        h.stateRoot(),
        h.transactionsRoot(),
        h.receiptsRoot(),
        h.logsBloom(),
        h.difficulty(),
        h.number(),
        h.gasLimit(),
        h.gasUsed(),
        h.timestamp(),
        h.extraData(),
        h.mixHash(),
        h.nonce(),
        h.baseFeePerGas());
  }

  private StateChanges genesisState() {
    Address centralBank = Secp256k1.address(key(499));
    Address bank = Secp256k1.address(bankKey);
    StateChanges genesis = new StateChanges(new MemoryState());
    SystemContracts.initialize(
        genesis,
        GenesisAllocation.of(
            "Digital Euro",
            "DEUR",
            Map.of(),
            List.of(
                new GenesisAllocation.Account(centralBank, Roles.CENTRAL_BANK, 3, Address.ZERO),
                new GenesisAllocation.Account(bank, Roles.BANK, 3, centralBank),
                new GenesisAllocation.Account(customer, 0, 1, bank)),
            List.of(),
            List.of(new GenesisAllocation.Balance(bank, 1_000_000))));
    return genesis;
  }

  private static PrivateKey key(int seed) {
    return new PrivateKey(BigInteger.valueOf(0xf1a1_0000L + seed));
  }
}
