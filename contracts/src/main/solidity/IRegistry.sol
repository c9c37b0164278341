// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.0;

/// @title Registry, the system contract at 0x000000000000000000000000000000000000cb00
/// @notice Roles, accounts, wallet tiers and their limits, taxpayers and freezes. Executed by
/// the node as deterministic Java; this interface fixes the ABI only. contracts/README.md has
/// the complete rules.
/// @dev Roles are bit flags in a uint8: CENTRAL_BANK = 1, BANK = 2, TAX_AUTHORITY = 4,
/// AUDITOR = 8. Tiers are 1, 2 and 3. Every state-changing function first checks that the
/// caller is registered ("not registered") and not frozen ("frozen"), then the caller's role,
/// then the arguments, then the state; the first failure reverts with Error(string).
/// Every state-changing function costs 21000 + 20000 gas; views cost 21000.
/// Any call also reverts "unknown function" (unknown selector), "invalid arguments" (not the
/// canonical ABI encoding) or "value not accepted" (non-zero value) before these checks.
interface IRegistry {
    /// @notice A role was granted to `account` by the central bank `by`.
    event RoleGranted(address indexed account, uint8 role, address indexed by);

    /// @notice A role was revoked from `account` by the central bank `by`.
    event RoleRevoked(address indexed account, uint8 role, address indexed by);

    /// @notice `account` was registered by `bank` (a BANK or CENTRAL_BANK holder) at `tier`.
    event AccountRegistered(address indexed account, address indexed bank, uint8 tier);

    /// @notice The wallet tier of `account` was set to `tier`.
    event TierChanged(address indexed account, uint8 tier);

    /// @notice `account` was frozen; `reason` is the legal order or case reference.
    event AccountFrozen(address indexed account, string reason);

    /// @notice `account` was unfrozen.
    event AccountUnfrozen(address indexed account);

    /// @notice `account` was registered as the taxpayer `taxId`.
    event TaxpayerRegistered(address indexed account, string taxId);

    /// @notice The limits of `tier` were set (0 means unlimited).
    event TierLimitsChanged(uint8 tier, uint256 maxBalance, uint256 maxTransfer, uint256 dailyOutLimit);

    /// @notice Grants one role to `account`, registering it at tier 3 (with the caller as its
    /// bank) if it is not registered yet.
    /// @dev Caller: CENTRAL_BANK. Emits AccountRegistered(account, caller, 3) first when it
    /// registers the account, then RoleGranted(account, role, caller).
    /// Reverts, in this order: "not registered", "frozen", "not central bank",
    /// "zero address" (account is 0x0), "invalid role" (role is not exactly one of 1, 2, 4, 8),
    /// "account frozen", "role already granted".
    function grantRole(address account, uint8 role) external;

    /// @notice Revokes one role from `account`. The account stays registered.
    /// @dev Caller: CENTRAL_BANK. Emits RoleRevoked(account, role, caller).
    /// Reverts, in this order: "not registered", "frozen", "not central bank",
    /// "invalid role", "account not registered", "role not granted",
    /// "last central bank" (the only CENTRAL_BANK holder cannot lose the role).
    function revokeRole(address account, uint8 role) external;

    /// @notice Registers a customer account at `tier`; the caller becomes its bank.
    /// @dev Caller: BANK or CENTRAL_BANK. Emits AccountRegistered(account, caller, tier).
    /// Reverts, in this order: "not registered", "frozen", "not bank", "zero address",
    /// "invalid tier" (not 1..3), "already registered".
    function registerAccount(address account, uint8 tier) external;

    /// @notice Sets the wallet tier of `account` (idempotent: setting the current tier succeeds
    /// and emits the event again).
    /// @dev Caller: CENTRAL_BANK, or the account's bank while it still holds BANK.
    /// Emits TierChanged(account, tier).
    /// Reverts, in this order: "not registered", "frozen", "not account's bank",
    /// "invalid tier", "account not registered" (reachable only by a CENTRAL_BANK caller).
    function setTier(address account, uint8 tier) external;

    /// @notice Freezes `account`: it can neither send nor receive, nor issue or pay invoices.
    /// @dev Caller: CENTRAL_BANK. Emits AccountFrozen(account, reason).
    /// Reverts, in this order: "not registered", "frozen", "not central bank",
    /// "invalid reason" (not 1..256 bytes), "account not registered",
    /// "cannot freeze central bank" (revoke the role first), "already frozen".
    function freeze(address account, string calldata reason) external;

    /// @notice Unfreezes `account`.
    /// @dev Caller: CENTRAL_BANK. Emits AccountUnfrozen(account).
    /// Reverts, in this order: "not registered", "frozen", "not central bank",
    /// "account not registered", "not frozen".
    function unfreeze(address account) external;

    /// @notice Sets the limits of a wallet tier, in minor units; 0 means unlimited
    /// (idempotent). Holders of any role are exempt from tier limits.
    /// @dev Caller: CENTRAL_BANK. Emits TierLimitsChanged(tier, maxBalance, maxTransfer,
    /// dailyOutLimit).
    /// Reverts, in this order: "not registered", "frozen", "not central bank", "invalid tier",
    /// "amount out of range" (any limit above 2^63-1).
    function setTierLimits(uint8 tier, uint256 maxBalance, uint256 maxTransfer, uint256 dailyOutLimit)
        external;

    /// @notice Registers `account` as the taxpayer `taxId`. A taxpayer id is permanent.
    /// @dev Caller: TAX_AUTHORITY. `taxId` is 1..32 printable ASCII characters (0x21..0x7e)
    /// other than "/", unique, compared byte for byte. Emits TaxpayerRegistered(account, taxId).
    /// Reverts, in this order: "not registered", "frozen", "not tax authority",
    /// "invalid tax id", "account not registered", "already taxpayer" (the account has a
    /// tax id), "tax id taken" (another account has this tax id).
    function registerTaxpayer(address account, string calldata taxId) external;

    /// @notice The role bit set of `account`; 0 if it holds none or is not registered.
    /// @dev Anyone (eth_call from any address). Never reverts.
    function rolesOf(address account) external view returns (uint8);

    /// @notice The account record of `account`; all zero / empty if it is not registered.
    /// @dev Anyone. Never reverts. `bank` is the account that registered it (0x0 for an
    /// account that the genesis created without naming a bank).
    function accountOf(address account)
        external
        view
        returns (bool registered, address bank, uint8 tier, bool frozen, uint8 roles, string memory taxId);

    /// @notice The limits of `tier` in minor units; 0 means unlimited.
    /// @dev Anyone. Reverts "invalid tier" if `tier` is not 1..3.
    function tierLimits(uint8 tier)
        external
        view
        returns (uint256 maxBalance, uint256 maxTransfer, uint256 dailyOutLimit);

    /// @notice The account registered as the taxpayer `taxId`; 0x0 if none.
    /// @dev Anyone. Never reverts.
    function accountByTaxId(string calldata taxId) external view returns (address);
}
