package io.fiscus.trie;

import io.fiscus.types.Bytes;
import io.fiscus.types.Hash;

/** A node to store: its RLP encoding under the keccak256 of that encoding. */
public record TrieNode(Hash hash, Bytes encoding) {}
