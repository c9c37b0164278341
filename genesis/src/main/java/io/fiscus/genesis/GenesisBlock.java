package io.fiscus.genesis;

import io.fiscus.block.Block;
import io.fiscus.block.BlockHeader;
import io.fiscus.block.LogsBloom;
import io.fiscus.block.QbftBlockHashing;
import io.fiscus.contracts.SystemContracts;
import io.fiscus.genesis.GenesisException.Reason;
import io.fiscus.state.MemoryState;
import io.fiscus.state.StateChanges;
import io.fiscus.state.StateCommitment;
import io.fiscus.trie.MemoryTrieNodeStore;
import io.fiscus.trie.TrieCommit;
import io.fiscus.types.Hash;
import java.util.List;

/**
 * Block 0 of a chain and the state it commits: what a node writes on an empty data directory
 * ({@code ChainWriter.commitGenesis(block, state, trie)}) and whose hash identifies the chain.
 *
 * @param block block 0, without transactions
 * @param hash its on-chain hash (Keccak of the header as written, extraData unchanged)
 * @param state the system contracts' storage after the genesis allocation
 * @param trie the state trie nodes whose root is the header's state root
 */
public record GenesisBlock(Block block, Hash hash, StateChanges state, TrieCommit trie) {

  /** Builds block 0 of {@code genesis}; the same config always gives the same block and hash. */
  public static GenesisBlock of(GenesisConfig genesis) {
    StateChanges state = new StateChanges(new MemoryState());
    try {
      SystemContracts.initialize(state, genesis.allocation());
    } catch (IllegalArgumentException e) {
      // The parser checks everything the contracts check; this guards configs built in code.
      throw new GenesisException(Reason.INVALID, "config.fiscus", e.getMessage(), e);
    }
    state.commitJournal();
    TrieCommit trie = new StateCommitment(new MemoryTrieNodeStore(), Hash.EMPTY_TRIE).apply(state);
    BlockHeader header =
        new BlockHeader(
            Hash.ZERO,
            Hash.EMPTY_LIST,
            genesis.coinbase(),
            trie.root(),
            Hash.EMPTY_TRIE,
            Hash.EMPTY_TRIE,
            LogsBloom.EMPTY,
            BlockHeader.BFT_DIFFICULTY,
            0,
            genesis.gasLimit(),
            0,
            genesis.timestamp(),
            genesis.extraData(),
            BlockHeader.BFT_MIX_HASH,
            BlockHeader.ZERO_NONCE,
            0);
    Block block = new Block(header, List.of());
    return new GenesisBlock(block, QbftBlockHashing.blockHash(header), state, trie);
  }
}
