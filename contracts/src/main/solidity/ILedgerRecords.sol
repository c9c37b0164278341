// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.0;

/// @title LedgerRecords, the system contract at 0x000000000000000000000000000000000000cb03
/// @notice General signed records that are not money: interbank settlement statements,
/// attestation hashes, regulatory filings. Records are namespaced by their submitter and
/// versioned per (submitter, kind, key). Executed by the node as deterministic Java; this
/// interface fixes the ABI only. contracts/README.md has the complete rules.
/// Any call also reverts "unknown function" (unknown selector), "invalid arguments" (not the
/// canonical ABI encoding) or "value not accepted" (non-zero value) before these checks.
interface ILedgerRecords {
    /// @notice `submitter` wrote version `version` of (kind, key); `payloadHash` is
    /// keccak256(payload).
    event RecordWritten(
        address indexed submitter, bytes32 indexed kind, bytes32 indexed key, uint64 version, bytes32 payloadHash
    );

    /// @notice Writes the next version of the caller's record (kind, key). Versions start at 1
    /// and grow by 1. An empty payload is allowed.
    /// @dev Caller: any registered account. Gas: 21000 + 20000 + 16 per payload byte.
    /// Emits RecordWritten(caller, kind, key, version, keccak256(payload)).
    /// Reverts, in this order: "not registered", "frozen", "payload too large" (above 4096
    /// bytes).
    function record(bytes32 kind, bytes32 key, bytes calldata payload) external returns (uint64 version);

    /// @notice The latest version of (submitter, kind, key) and the number of the block that
    /// wrote it; (0, empty, 0) if there is none.
    /// @dev Anyone. Never reverts.
    function latest(address submitter, bytes32 kind, bytes32 key)
        external
        view
        returns (uint64 version, bytes memory payload, uint64 blockNumber);

    /// @notice Version `version` of (submitter, kind, key) and the number of the block that
    /// wrote it. The first output echoes `version` (it cannot share the argument's name).
    /// @dev Anyone. Reverts "no record" if `version` is 0 or above the latest version.
    function recordAt(address submitter, bytes32 kind, bytes32 key, uint64 version)
        external
        view
        returns (uint64 recordVersion, bytes memory payload, uint64 blockNumber);
}
