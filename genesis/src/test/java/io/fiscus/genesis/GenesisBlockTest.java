package io.fiscus.genesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.block.BlockHeader;
import io.fiscus.block.BlockHeaderCodec;
import io.fiscus.contracts.registry.RegistryAccount;
import io.fiscus.contracts.registry.RegistryStore;
import io.fiscus.contracts.registry.Roles;
import io.fiscus.contracts.token.TokenStore;
import io.fiscus.crypto.Keccak;
import io.fiscus.state.MemoryState;
import io.fiscus.state.StateCommitment;
import io.fiscus.trie.MemoryTrieNodeStore;
import io.fiscus.types.Address;
import io.fiscus.types.Hash;
import org.junit.jupiter.api.Test;

class GenesisBlockTest {

  @Test
  void theSameFileAlwaysGivesTheSameBlockAndHash() {
    GenesisBlock first = GenesisBlock.of(GenesisParser.parse(TestGenesis.json()));
    GenesisBlock second = GenesisBlock.of(GenesisParser.parse(TestGenesis.json()));

    assertThat(second.hash()).isEqualTo(first.hash());
    assertThat(second.block()).isEqualTo(first.block());
    assertThat(second.trie().root()).isEqualTo(first.trie().root());
  }

  @Test
  void anotherTimestampGivesAnotherChain() {
    GenesisBlock first = GenesisBlock.of(GenesisParser.parse(TestGenesis.json()));
    GenesisBlock other =
        GenesisBlock.of(
            GenesisParser.parse(TestGenesis.with(root -> root.put("timestamp", "0x1"))));

    assertThat(other.hash()).isNotEqualTo(first.hash());
    assertThat(other.trie().root()).isEqualTo(first.trie().root());
  }

  @Test
  void anotherAllocationGivesAnotherStateRoot() {
    GenesisBlock first = GenesisBlock.of(GenesisParser.parse(TestGenesis.json()));
    GenesisBlock other =
        GenesisBlock.of(
            GenesisParser.parse(
                TestGenesis.with(root -> TestGenesis.account(root, 2).put("balance", "1"))));

    assertThat(other.block().header().stateRoot()).isNotEqualTo(first.block().header().stateRoot());
  }

  @Test
  void headerIsBlockZeroWithTheQbftConstantsAndTheFilesFields() {
    GenesisConfig genesis = GenesisParser.parse(TestGenesis.json());
    GenesisBlock block = GenesisBlock.of(genesis);
    BlockHeader header = block.block().header();

    assertThat(header.number()).isZero();
    assertThat(header.parentHash()).isEqualTo(Hash.ZERO);
    assertThat(header.difficulty()).isEqualTo(1);
    assertThat(header.mixHash()).isEqualTo(BlockHeader.BFT_MIX_HASH);
    assertThat(header.baseFeePerGas()).isZero();
    assertThat(header.gasUsed()).isZero();
    assertThat(header.gasLimit()).isEqualTo(genesis.gasLimit());
    assertThat(header.timestamp()).isEqualTo(genesis.timestamp());
    assertThat(header.extraData()).isEqualTo(genesis.extraData());
    assertThat(header.coinbase()).isEqualTo(Address.ZERO);
    assertThat(header.transactionsRoot()).isEqualTo(Hash.EMPTY_TRIE);
    assertThat(header.receiptsRoot()).isEqualTo(Hash.EMPTY_TRIE);
    assertThat(header.stateRoot()).isEqualTo(block.trie().root());
    assertThat(block.block().transactions()).isEmpty();
    assertThat(block.hash()).isEqualTo(Keccak.hash(BlockHeaderCodec.encode(header)));
  }

  @Test
  void theAllocationLandsInTheContractsState() {
    GenesisBlock block = GenesisBlock.of(GenesisParser.parse(TestGenesis.json()));
    MemoryState state = new MemoryState();
    state.apply(block.state());

    assertThat(TokenStore.name(state)).isEqualTo("Test Money");
    assertThat(TokenStore.symbol(state)).isEqualTo("TMY");
    assertThat(TokenStore.balance(state, TestGenesis.BANK)).isEqualTo(1_000_000_000);
    assertThat(TokenStore.balance(state, TestGenesis.CUSTOMER)).isEqualTo(40_000);
    assertThat(TokenStore.issued(state)).isEqualTo(1_000_040_000);
    assertThat(RegistryStore.centralBankCount(state)).isEqualTo(1);
    RegistryAccount merchant = RegistryStore.account(state, TestGenesis.MERCHANT).orElseThrow();
    assertThat(merchant.taxId()).isEqualTo("TIN-42");
    assertThat(merchant.bank()).isEqualTo(TestGenesis.BANK);
    assertThat(merchant.tier()).isEqualTo(2);
    assertThat(RegistryStore.accountByTaxId(state, "TIN-42")).contains(TestGenesis.MERCHANT);
    assertThat(RegistryStore.account(state, TestGenesis.BANK).orElseThrow().roles())
        .isEqualTo(Roles.BANK);
    assertThat(RegistryStore.tierLimits(state, 1)).isEqualTo(GenesisGenerator.TIER_LIMITS.get(1));
  }

  @Test
  void theTrieCommitHoldsTheWholeStateUnderItsRoot() {
    GenesisBlock block = GenesisBlock.of(GenesisParser.parse(TestGenesis.json()));
    MemoryTrieNodeStore store = new MemoryTrieNodeStore();
    store.putAll(block.trie());

    StateCommitment reopened = new StateCommitment(store, block.trie().root());
    assertThat(reopened.stateRoot()).isEqualTo(block.block().header().stateRoot());
    assertThat(reopened.account(io.fiscus.contracts.system.SystemAddresses.TOKEN)).isPresent();
  }
}
