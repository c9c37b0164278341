package io.fiscus.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.state.StateCommitment;
import io.fiscus.storage.Column;
import io.fiscus.storage.rocksdb.RocksDbKeyValueStore;
import io.fiscus.tx.SignedTransaction;
import io.fiscus.types.Hash;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainStoreRocksDbTest {
  @TempDir Path directory;

  @Test
  void reopenedStoreHasTheSameHeadAndStateRootAndTheChainContinues() {
    Hash headHash;
    Hash stateRoot;
    long nonce;
    try (RocksDbKeyValueStore store = RocksDbKeyValueStore.open(directory)) {
      TestChain test = new TestChain(store, 4);
      test.commitGenesis();
      test.commitNext(test.transfers(List.of(new int[] {1, 2, 10}, new int[] {2, 3, 5})));
      test.commitNext(test.transfers(List.of(new int[] {3, 1, 1})));
      headHash = test.chain.headHash();
      stateRoot = test.chain.headHeader().stateRoot();
      nonce = test.chain.latestState().nonce(test.workload.account(1));
    }

    try (RocksDbKeyValueStore store = RocksDbKeyValueStore.open(directory)) {
      TestChain test = new TestChain(store, 4);
      ChainStore chain = test.chain;

      assertThat(chain.headNumber()).isEqualTo(2);
      assertThat(chain.headHash()).isEqualTo(headHash);
      assertThat(chain.headHeader().stateRoot()).isEqualTo(stateRoot);
      assertThat(chain.latestState().nonce(test.workload.account(1))).isEqualTo(nonce);
      assertThat(chain.transactions(1)).hasSize(2);
      // The trie nodes are durable: a commitment reopened at the stored root recomputes it and
      // carries on.
      assertThat(new StateCommitment(chain.trieNodes(), stateRoot).stateRoot())
          .isEqualTo(stateRoot);
      test.resume();
      test.commitNext(test.transfers(List.of(new int[] {1, 3, 2})));
      assertThat(chain.headNumber()).isEqualTo(3);
      assertThat(chain.header(3).orElseThrow().parentHash()).isEqualTo(headHash);
    }
  }

  @Test
  void tenThousandTransferBlockIsOneBatchAndOneCommitWithNoReads() {
    try (CountingStore store = new CountingStore(RocksDbKeyValueStore.open(directory))) {
      // An indexer that reads no state, so that every store read counted is the chain store's.
      BlockIndexer marker =
          (block, before, after, batch) ->
              batch.put(
                  Column.ACCOUNT_HISTORY, StoredBlockCodec.number(block.number()), new byte[1]);
      TestChain test = new TestChain(store, 201, marker);
      test.commitGenesis();
      List<SignedTransaction> transfers = test.workload.transfers(10_000);
      TestChain.Prepared block = test.prepareNext(transfers);
      store.reset();

      test.chain.commit(block.block(), block.changes(), block.trie());

      assertThat(store.commits.get()).isEqualTo(1);
      assertThat(store.gets.get()).isZero();
      assertThat(store.scans.get()).isZero();
      assertThat(store.lastBatchSize.get()).isGreaterThan(10_000);
      assertThat(test.chain.transactions(1)).hasSize(10_000);
      assertThat(test.chain.transactionLocation(transfers.get(9_999).hash()))
          .contains(new TransactionLocation(block.block().hash(), 1, 9_999));
    }
  }
}
