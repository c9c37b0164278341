// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.0;

/// @title Token, the digital currency, the system contract at 0x000000000000000000000000000000000000cb01
/// @notice An ERC-20 token with two-tier issuance: the central bank mints to banks, banks redeem.
/// Executed by the node as deterministic Java; this interface fixes the ABI only.
/// contracts/README.md has the complete rules.
/// @dev Amounts are integer minor units (decimals() == 2); every amount argument must be at
/// most 2^63-1 ("amount out of range"). Every state-changing function first checks that the
/// caller is registered ("not registered") and not frozen ("frozen"), then the caller's role,
/// then the arguments, then the state; the first failure reverts with Error(string).
///
/// The transfer rules, checked in this order after the arguments by transfer, transferFrom,
/// transferWithReference and TaxInvoices.payInvoice (sender = the account debited):
/// "sender not registered" and "sender frozen" (transferFrom only: the caller is checked
/// earlier), "recipient not registered", "recipient frozen", "insufficient balance",
/// "over max transfer" (amount above the sender's tier maxTransfer), "over max balance"
/// (recipient's balance after the transfer above its tier maxBalance), "over daily limit"
/// (sender's outflow on the UTC day block.timestamp / 86400, this amount included, above its
/// tier dailyOutLimit). A limit of 0 is unlimited; holders of any role are exempt from the
/// limits of their own tier. Every successful transfer adds to the sender's daily outflow.
/// Gas: 21000 + 15000 for transfer, transferFrom, transferWithReference and approve;
/// 21000 + 20000 for mint and redeem; 21000 for views.
/// Any call also reverts "unknown function" (unknown selector), "invalid arguments" (not the
/// canonical ABI encoding) or "value not accepted" (non-zero value) before these checks.
interface IToken {
    /// @notice ERC-20: `value` moved from `from` to `to`; from = 0x0 on mint, to = 0x0 on redeem.
    event Transfer(address indexed from, address indexed to, uint256 value);

    /// @notice ERC-20: `owner` allowed `spender` to move up to `value` of its balance.
    event Approval(address indexed owner, address indexed spender, uint256 value);

    /// @notice The central bank issued `amount` to `bank`.
    event Issued(address indexed bank, uint256 amount);

    /// @notice `bank` redeemed (burned) `amount` of its balance.
    event Redeemed(address indexed bank, uint256 amount);

    /// @notice A transfer carrying a payment reference (an invoice id, a remittance id...).
    event PaymentReference(
        address indexed from, address indexed to, uint256 amount, bytes32 indexed paymentReference
    );

    /// @notice The currency name, from the genesis. Anyone; never reverts.
    function name() external view returns (string memory);

    /// @notice The currency symbol, from the genesis. Anyone; never reverts.
    function symbol() external view returns (string memory);

    /// @notice Always 2: amounts are minor units (cents). Anyone; never reverts.
    function decimals() external view returns (uint8);

    /// @notice The sum of all balances, equal to issued() - redeemed(). Anyone; never reverts.
    function totalSupply() external view returns (uint256);

    /// @notice The balance of `account` in minor units (0 if unknown). Anyone; never reverts.
    function balanceOf(address account) external view returns (uint256);

    /// @notice Moves `amount` from the caller to `to`. Returns true (failures revert).
    /// @dev Caller: any registered account. Emits Transfer(caller, to, amount).
    /// Reverts, in this order: "not registered", "frozen", "amount out of range",
    /// "amount must be positive", then the transfer rules (see the contract notes).
    function transfer(address to, uint256 amount) external returns (bool);

    /// @notice Sets the caller's allowance for `spender` to `amount` (0 clears it). There is
    /// no "infinite" allowance: type(uint256).max is out of range.
    /// @dev Caller: any registered account. `spender` need not be registered.
    /// Emits Approval(caller, spender, amount).
    /// Reverts, in this order: "not registered", "frozen", "zero address" (spender is 0x0),
    /// "amount out of range".
    function approve(address spender, uint256 amount) external returns (bool);

    /// @notice The amount `spender` may still move from `owner`. Anyone; never reverts.
    function allowance(address owner, address spender) external view returns (uint256);

    /// @notice Moves `amount` from `from` to `to` against the caller's allowance from `from`,
    /// which decreases by `amount`. Returns true (failures revert).
    /// @dev Caller: any registered account holding the allowance (even when caller == from).
    /// The sender for the transfer rules, limits and daily outflow is `from`.
    /// Emits Transfer(from, to, amount) (no Approval event).
    /// Reverts, in this order: "not registered", "frozen", "amount out of range",
    /// "amount must be positive", "insufficient allowance", then the transfer rules starting
    /// with "sender not registered" and "sender frozen".
    function transferFrom(address from, address to, uint256 amount) external returns (bool);

    /// @notice Issues `amount` of new currency to `bank`.
    /// @dev Caller: CENTRAL_BANK. No tier limits apply. Emits Transfer(0x0, bank, amount) then
    /// Issued(bank, amount).
    /// Reverts, in this order: "not registered", "frozen", "not central bank",
    /// "amount out of range", "amount must be positive", "not a bank" (`bank` does not hold
    /// BANK), "recipient frozen", "amount out of range" (the total issued would exceed 2^63-1).
    function mint(address bank, uint256 amount) external;

    /// @notice Burns `amount` from the caller's balance (the bank returns currency to the
    /// central bank).
    /// @dev Caller: BANK. Emits Transfer(caller, 0x0, amount) then Redeemed(caller, amount).
    /// Reverts, in this order: "not registered", "frozen", "not bank", "amount out of range",
    /// "amount must be positive", "insufficient balance".
    function redeem(uint256 amount) external;

    /// @notice A transfer that also emits a payment reference.
    /// @dev Caller: any registered account. Emits Transfer(caller, to, amount) then
    /// PaymentReference(caller, to, amount, paymentReference). Any bytes32 is accepted.
    /// Reverts exactly as transfer.
    function transferWithReference(address to, uint256 amount, bytes32 paymentReference)
        external
        returns (bool);

    /// @notice The total ever issued (minted, including genesis balances). Anyone; never reverts.
    function issued() external view returns (uint256);

    /// @notice The total ever redeemed. Anyone; never reverts.
    function redeemed() external view returns (uint256);

    /// @notice The last recorded outflow of `account`: `amount` sent on UTC day number `day`
    /// (block.timestamp / 86400). If `day` is before today, today's outflow is 0. (0, 0) if
    /// the account never sent. Anyone; never reverts.
    function dailyOutflow(address account) external view returns (uint256 day, uint256 amount);
}
