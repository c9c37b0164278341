package io.fiscus.storage.memory;

import io.fiscus.storage.KeyValueStore;
import io.fiscus.storage.KeyValueStoreContractTest;

class MemoryKeyValueStoreTest extends KeyValueStoreContractTest {
  @Override
  protected KeyValueStore newStore() {
    return new MemoryKeyValueStore();
  }
}
