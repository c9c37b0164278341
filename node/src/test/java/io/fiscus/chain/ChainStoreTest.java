package io.fiscus.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fiscus.block.Block;
import io.fiscus.block.QbftBlockHashing;
import io.fiscus.contracts.system.SystemAddresses;
import io.fiscus.contracts.token.TokenStore;
import io.fiscus.state.AccountProof;
import io.fiscus.state.MemoryState;
import io.fiscus.state.StateChanges;
import io.fiscus.state.StateCommitment;
import io.fiscus.storage.Column;
import io.fiscus.storage.memory.MemoryKeyValueStore;
import io.fiscus.trie.ProofResult;
import io.fiscus.trie.SecureTrie;
import io.fiscus.trie.TrieCommit;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.types.Address;
import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChainStoreTest {
  private static final int ACCOUNTS = 6;

  private final MemoryKeyValueStore store = new MemoryKeyValueStore();
  private final TestChain test = new TestChain(store, ACCOUNTS);
  private final ChainStore chain = test.chain;

  /** Genesis and three blocks of transfers; returns the committed blocks 1..3. */
  private List<TestChain.Prepared> commitThreeBlocks() {
    test.commitGenesis();
    List<TestChain.Prepared> blocks = new ArrayList<>();
    blocks.add(test.commitNext(test.transfers(List.of(t(1, 2, 10), t(2, 3, 20), t(1, 4, 5)))));
    blocks.add(test.commitNext(test.transfers(List.of())));
    blocks.add(
        test.commitNext(
            test.transfers(
                List.of(
                    t(3, 1, 7),
                    t(4, 5, TestChain.BALANCE + 5),
                    t(1, 5, 1),
                    t(3, 2, 2 * TestChain.BALANCE)))));
    return blocks;
  }

  private static int[] t(int from, int to, long amount) {
    return new int[] {from, to, (int) amount};
  }

  @Test
  void newStoreIsEmptyAndHasNoHead() {
    assertThat(chain.isEmpty()).isTrue();
    assertThat(chain.storedGenesisHash()).isEmpty();
    assertThat(chain.header(0)).isEmpty();
    assertThatThrownBy(chain::headNumber).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void genesisIsBlockZeroAndItsHashIsRemembered() {
    Block genesis = test.commitGenesis();
    Hash hash = QbftBlockHashing.blockHash(genesis.header());

    assertThat(chain.isEmpty()).isFalse();
    assertThat(chain.genesisHash()).isEqualTo(hash);
    assertThat(chain.storedGenesisHash()).contains(hash);
    assertThat(chain.headNumber()).isZero();
    assertThat(chain.headHash()).isEqualTo(hash);
    assertThat(chain.block(0)).contains(genesis);
    assertThat(chain.numberOf(hash)).contains(0L);
    assertThat(chain.transactions(0)).isEmpty();
    assertThat(chain.outcomes(0)).isEmpty();
  }

  @Test
  void committedBlocksReadBackByNumberAndHash() {
    List<TestChain.Prepared> blocks = commitThreeBlocks();

    assertThat(chain.headNumber()).isEqualTo(3);
    assertThat(chain.headHash()).isEqualTo(blocks.get(2).block().hash());
    for (TestChain.Prepared prepared : blocks) {
      CommittedBlock block = prepared.block();
      assertThat(chain.header(block.number())).contains(block.block().header());
      assertThat(chain.block(block.number())).contains(block.block());
      assertThat(chain.numberOf(block.hash())).contains(block.number());
    }
    assertThat(chain.header(4)).isEmpty();
    assertThat(chain.block(-1)).isEmpty();
    assertThat(chain.numberOf(Hash.ZERO)).isEmpty();
  }

  @Test
  void transactionsReadBackDecodedWithTheirSenders() {
    List<TestChain.Prepared> blocks = commitThreeBlocks();

    for (TestChain.Prepared prepared : blocks) {
      List<SignedTransaction> read = chain.transactions(prepared.block().number());
      assertThat(read).isEqualTo(prepared.block().transactions());
    }
    assertThat(chain.transactions(0)).isEmpty();
    assertThat(chain.transactions(9)).isEmpty();
    assertThat(chain.transactions(1).get(1).sender()).isEqualTo(test.workload.account(2));
  }

  @Test
  void outcomesAndTransactionLocationsReadBack() {
    List<TestChain.Prepared> blocks = commitThreeBlocks();

    for (TestChain.Prepared prepared : blocks) {
      CommittedBlock block = prepared.block();
      assertThat(chain.outcomes(block.number())).isEqualTo(block.outcomes());
      for (int index = 0; index < block.transactions().size(); index++) {
        assertThat(chain.transactionLocation(block.transactions().get(index).hash()))
            .contains(new TransactionLocation(block.hash(), block.number(), index));
      }
    }
    // The overdraft in block 3 reverted but is still in the chain, with its reason.
    assertThat(chain.outcomes(3).get(1).receipt().success()).isTrue();
    assertThat(chain.outcomes(3).get(3).receipt().success()).isFalse();
    assertThat(chain.outcomes(3).get(3).revertReason()).isPresent();
    assertThat(chain.transactionLocation(Hash.ZERO)).isEmpty();
    assertThat(chain.outcomes(7)).isEmpty();
  }

  @Test
  void flatStateEqualsTheExecutorsView() {
    List<TestChain.Prepared> blocks = commitThreeBlocks();
    MemoryState expected = new MemoryState();
    expected.apply(test.genesisChanges());
    blocks.forEach(prepared -> expected.apply(prepared.changes()));

    for (int account = 0; account < ACCOUNTS; account++) {
      Address address = test.workload.account(account);
      assertThat(chain.latestState().nonce(address)).isEqualTo(expected.nonce(address));
      assertThat(TokenStore.balance(chain.latestState(), address))
          .isEqualTo(TokenStore.balance(expected, address));
    }
    List<StateChanges.StorageWrite> touched =
        new ArrayList<>(test.genesisChanges().sortedStorageWrites());
    blocks.forEach(prepared -> touched.addAll(prepared.changes().sortedStorageWrites()));
    for (StateChanges.StorageWrite write : touched) {
      assertThat(chain.latestState().storage(write.contract(), write.slot()))
          .isEqualTo(expected.storage(write.contract(), write.slot()));
    }
    assertThat(TokenStore.balance(chain.latestState(), test.workload.account(2)))
        .isEqualTo(TestChain.BALANCE + 10 - 20);
    // Account 4 sent its whole balance: the slot is deleted, not stored as zero.
    Address drained = test.workload.account(4);
    assertThat(TokenStore.balance(chain.latestState(), drained)).isZero();
    assertThat(
            touched.stream()
                .filter(write -> write.value().isEmpty())
                .filter(
                    write -> chain.latestState().storage(write.contract(), write.slot()).isEmpty()))
        .isNotEmpty();
  }

  @Test
  void proofsFromStoredTrieNodesVerifyAgainstTheHeaderStateRoot() {
    List<TestChain.Prepared> blocks = commitThreeBlocks();
    Hash stateRoot = chain.headHeader().stateRoot();
    Address payer = test.workload.account(1);
    Hash balanceSlot =
        blocks.get(0).changes().sortedStorageWrites().stream()
            .filter(write -> write.contract().equals(SystemAddresses.TOKEN))
            .map(StateChanges.StorageWrite::slot)
            .filter(slot -> chain.latestState().storage(SystemAddresses.TOKEN, slot).isPresent())
            .findFirst()
            .orElseThrow();

    StateCommitment fromStore = new StateCommitment(chain.trieNodes(), stateRoot);
    AccountProof account = fromStore.proof(payer, List.of());
    AccountProof token = fromStore.proof(SystemAddresses.TOKEN, List.of(balanceSlot));

    assertThat(SecureTrie.verifyProof(stateRoot, payer.bytes(), account.accountProof()))
        .isInstanceOf(ProofResult.Present.class);
    assertThat(account.nonce()).isEqualTo(chain.latestState().nonce(payer));
    assertThat(
            SecureTrie.verifyProof(stateRoot, SystemAddresses.TOKEN.bytes(), token.accountProof()))
        .isInstanceOf(ProofResult.Present.class);
    AccountProof.StorageProof slot = token.storageProofs().get(0);
    ProofResult slotResult =
        SecureTrie.verifyProof(token.storageHash(), balanceSlot.bytes(), slot.proof());
    assertThat(slotResult).isInstanceOf(ProofResult.Present.class);
    Bytes leaf = ((ProofResult.Present) slotResult).value();
    assertThat(Optional.of(StateCommitment.decodeSlotValue(leaf)))
        .isEqualTo(chain.latestState().storage(SystemAddresses.TOKEN, balanceSlot));
  }

  @Test
  void reopenedChainStoreFindsTheSameHeadAndGenesis() {
    commitThreeBlocks();

    ChainStore reopened = ChainStore.open(store, new RecordingIndexer());

    assertThat(reopened.headNumber()).isEqualTo(3);
    assertThat(reopened.headHash()).isEqualTo(chain.headHash());
    assertThat(reopened.headHeader()).isEqualTo(chain.headHeader());
    assertThat(reopened.storedGenesisHash()).contains(chain.genesisHash());
  }

  @Test
  void commitRejectsAWrongParentAndWritesNothing() {
    test.commitGenesis();
    TestChain.Prepared orphan = test.prepare(1, Hash.ZERO, test.transfers(List.of(t(1, 2, 3))));

    assertThatThrownBy(() -> chain.commit(orphan.block(), orphan.changes(), orphan.trie()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("parent");
    assertThat(chain.headNumber()).isZero();
    assertThat(store.get(Column.HEADERS, StoredBlockCodec.number(1))).isEmpty();
    assertThat(chain.latestState().nonce(test.workload.account(1))).isZero();
  }

  @Test
  void commitRejectsABlockThatDoesNotFollowTheHead() {
    test.commitGenesis();
    TestChain.Prepared skipping =
        test.prepare(2, chain.headHash(), test.transfers(List.of(t(1, 2, 3))));

    assertThatThrownBy(() -> chain.commit(skipping.block(), skipping.changes(), skipping.trie()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not follow head 0");
    assertThat(chain.headNumber()).isZero();
  }

  @Test
  void commitRejectsATrieWhoseRootIsNotTheHeaderStateRoot() {
    test.commitGenesis();
    TestChain.Prepared block = test.prepareNext(test.transfers(List.of(t(1, 2, 3))));
    TrieCommit wrongRoot = new TrieCommit(Hash.ZERO, block.trie().nodes());

    assertThatThrownBy(() -> chain.commit(block.block(), block.changes(), wrongRoot))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("state root");
    assertThat(chain.headNumber()).isZero();
  }

  @Test
  void commitRejectsAHashThatIsNotTheHeadersHash() {
    test.commitGenesis();
    TestChain.Prepared block = test.prepareNext(test.transfers(List.of(t(1, 2, 3))));
    CommittedBlock misnamed =
        new CommittedBlock(
            Hash.ZERO,
            block.block().block(),
            block.block().transactions(),
            block.block().outcomes());

    assertThatThrownBy(() -> chain.commit(misnamed, block.changes(), block.trie()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("hashes to");
  }

  @Test
  void commitBeforeGenesisAndASecondGenesisAreRefused() {
    Block genesis = test.commitGenesis();
    ChainStore empty = ChainStore.open(new MemoryKeyValueStore(), new RecordingIndexer());
    TestChain.Prepared block = test.prepareNext(List.of());

    assertThatThrownBy(() -> empty.commit(block.block(), block.changes(), block.trie()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no genesis");
    assertThatThrownBy(
            () ->
                chain.commitGenesis(
                    genesis,
                    test.genesisChanges(),
                    new TrieCommit(genesis.header().stateRoot(), List.of())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already holds");
  }

  @Test
  void listenersAreCalledAfterTheBlockIsVisible() {
    List<String> seen = new ArrayList<>();
    chain.addListener(
        block ->
            seen.add(
                block.number()
                    + " head="
                    + chain.headNumber()
                    + " stored="
                    + chain.block(block.number()).isPresent()));
    test.commitGenesis();
    test.commitNext(test.transfers(List.of(t(1, 2, 3))));

    assertThat(seen).containsExactly("0 head=0 stored=true", "1 head=1 stored=true");
  }

  @Test
  void indexerSeesTheStateBeforeAndAfterAndWritesIntoTheBlocksBatch() {
    test.commitGenesis();
    TestChain.Prepared block =
        test.commitNext(test.transfers(List.of(t(1, 2, 3), t(1, 3, 4), t(2, 1, 1))));
    Address first = test.workload.account(1);
    Address second = test.workload.account(2);

    RecordingIndexer.Call call = ((RecordingIndexer) test.indexer).calls().get(1);
    assertThat(call.number()).isEqualTo(1);
    assertThat(call.noncesBefore()).containsEntry(first, 0L).containsEntry(second, 0L);
    assertThat(call.noncesAfter()).containsEntry(first, 2L).containsEntry(second, 1L);
    assertThat(store.get(Column.ACCOUNT_HISTORY, StoredBlockCodec.number(1)))
        .hasValueSatisfying(hash -> assertThat(Hash.wrap(hash)).isEqualTo(block.block().hash()));
  }
}
