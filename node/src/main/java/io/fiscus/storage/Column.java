package io.fiscus.storage;

/**
 * The column families of the node's store. Each is an independent ordered key space; keys sort as
 * unsigned bytes, so big-endian numbers sort numerically and range scans serve the indexes.
 */
public enum Column {
  /** block number (8 bytes BE) → header RLP. */
  HEADERS,
  /** block hash → block number (8 bytes BE). */
  BLOCK_NUMBERS,
  /** block number → block body (transactions). */
  BODIES,
  /** block number → the block's transaction outcomes in storage form. */
  RECEIPTS,
  /** transaction hash → (block number, index). */
  TRANSACTIONS,
  /** the latest world state, flat: nonces and contract storage slots. */
  STATE_FLAT,
  /** trie node hash → node encoding (state tries, content-addressed). */
  TRIE_NODES,
  /** account history: account ‖ block ‖ index ‖ … → entry. */
  ACCOUNT_HISTORY,
  /** invoice secondary indexes (seller, buyer, tax ids, issue date, status). */
  INVOICES,
  /** ledger record indexes (submitter, kind, key). */
  RECORDS,
  /** chain head, genesis hash, schema version. */
  METADATA,
  /** the consensus driver's durable records (own signed messages, prepared certificates). */
  CONSENSUS
}
