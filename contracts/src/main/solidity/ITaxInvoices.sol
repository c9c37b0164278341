// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.0;

/// @title TaxInvoices, the system contract at 0x000000000000000000000000000000000000cb02
/// @notice Tax invoices and credit notes: their amounts, tax, parties and a hash of the full
/// e-invoice document (which stays off-chain), and payment through the Token. Executed by the
/// node as deterministic Java; this interface fixes the ABI only. contracts/README.md has the
/// complete rules.
/// @dev id = keccak256(bytes(sellerTaxId) ++ "/" ++ bytes(number)); tax ids never contain "/",
/// so the id is unambiguous. status: ISSUED = 1, PAID = 2, CANCELLED = 3.
/// kind: INVOICE = 0, CREDIT_NOTE = 1. Amounts are minor units, each at most 2^63-1
/// ("amount out of range"), and so is net + tax. An invoice number is 1..64 printable ASCII
/// characters (0x21..0x7e) ("invalid number"). Every state-changing function first checks that
/// the caller is registered ("not registered") and not frozen ("frozen"); where the caller's
/// right depends on an invoice (buyer, seller), it is checked right after the invoice is found.
/// Gas: 21000 plus 40000 (issueInvoice, issueCreditNote), 30000 (payInvoice), 15000
/// (cancelInvoice); 21000 for views.
/// Any call also reverts "unknown function" (unknown selector), "invalid arguments" (not the
/// canonical ABI encoding) or "value not accepted" (non-zero value) before these checks.
interface ITaxInvoices {
    /// @notice An invoice or a credit note, as stored.
    struct Invoice {
        bytes32 id;
        address seller;
        string sellerTaxId;
        address buyer;
        string buyerTaxId;
        string number;
        uint64 issueDate;
        uint256 netAmount;
        uint256 taxAmount;
        uint16 taxRateBp;
        bytes32 documentHash;
        uint8 status;
        uint8 kind;
        bytes32 originalId;
        uint256 creditedNetAmount;
        uint64 issuedAtBlock;
    }

    /// @notice An invoice was issued (not emitted for credit notes).
    event InvoiceIssued(
        bytes32 indexed id,
        address indexed seller,
        address indexed buyer,
        uint256 netAmount,
        uint256 taxAmount,
        uint64 issueDate
    );

    /// @notice An invoice was paid by `payer`; `amount` = net + tax.
    event InvoicePaid(bytes32 indexed id, address indexed payer, uint256 amount);

    /// @notice An invoice or a credit note was cancelled by its seller.
    event InvoiceCancelled(bytes32 indexed id, string reason);

    /// @notice A credit note `id` was issued against the invoice `originalId`.
    event CreditNoteIssued(bytes32 indexed id, bytes32 indexed originalId, uint256 netAmount, uint256 taxAmount);

    /// @notice Issues an invoice from the caller (the seller) to `buyer` (0x0 for a consumer).
    /// @dev Caller: a registered taxpayer (an account with a tax id). The buyer's tax id is
    /// copied from the Registry (empty if none). Requires
    /// |taxAmount - netAmount * taxRateBp / 10000| <= 1 (integer division).
    /// Stores status ISSUED, kind INVOICE, issuedAtBlock = block.number.
    /// Emits InvoiceIssued(id, caller, buyer, netAmount, taxAmount, issueDate).
    /// Reverts, in this order: "not registered", "frozen", "not taxpayer", "invalid number",
    /// "buyer is seller", "invalid issue date" (0 or above 2^63-1), "amount out of range",
    /// "amount must be positive" (netAmount is 0), "invalid tax rate" (above 10000),
    /// "tax mismatch", "buyer not registered", "duplicate invoice" (this seller already used
    /// this number, for an invoice or a credit note).
    function issueInvoice(
        string calldata number,
        address buyer,
        uint64 issueDate,
        uint256 netAmount,
        uint256 taxAmount,
        uint16 taxRateBp,
        bytes32 documentHash
    ) external returns (bytes32 id);

    /// @notice Pays invoice `id`: moves net + tax from the caller to the seller under every
    /// Token transfer rule, in the same transaction, and marks it PAID.
    /// @dev Caller: the buyer; anyone registered except the seller if the buyer is 0x0.
    /// Emits Transfer(caller, seller, net + tax) from the Token address, then
    /// InvoicePaid(id, caller, net + tax).
    /// Reverts, in this order: "not registered", "frozen", "unknown invoice",
    /// "not payable" (a credit note), "not buyer", "payer is seller", "already paid",
    /// "invoice cancelled", then the Token transfer rules with the seller as recipient
    /// ("recipient frozen", "insufficient balance", "over max transfer", "over max balance",
    /// "over daily limit").
    function payInvoice(bytes32 id) external;

    /// @notice Cancels invoice or credit note `id` while it is ISSUED. Cancelling a credit note
    /// gives its net amount back to the original's creditable amount.
    /// @dev Caller: the seller. Emits InvoiceCancelled(id, reason).
    /// Reverts, in this order: "not registered", "frozen", "invalid reason" (not 1..256 bytes),
    /// "unknown invoice", "not seller", "already paid", "invoice cancelled",
    /// "invoice has credit notes" (cancel them first).
    function cancelInvoice(bytes32 id, string calldata reason) external;

    /// @notice Issues a credit note against invoice `originalId`. The buyer, buyer tax id and
    /// tax rate are copied from the original; issueDate = block.timestamp; status ISSUED,
    /// kind CREDIT_NOTE. Credit notes are not paid through payInvoice: the seller refunds
    /// with Token.transferWithReference(buyer, amount, creditNoteId).
    /// @dev Caller: the original's seller (a taxpayer). Requires
    /// |taxAmount - netAmount * original.taxRateBp / 10000| <= 1 and
    /// original.creditedNetAmount + netAmount <= original.netAmount.
    /// Emits CreditNoteIssued(id, originalId, netAmount, taxAmount).
    /// Reverts, in this order: "not registered", "frozen", "not taxpayer", "invalid number",
    /// "amount out of range", "amount must be positive", "unknown invoice",
    /// "not an invoice" (the original is a credit note), "not seller", "invoice cancelled",
    /// "tax mismatch", "credit exceeds original", "duplicate invoice".
    function issueCreditNote(
        bytes32 originalId,
        string calldata number,
        uint256 netAmount,
        uint256 taxAmount,
        bytes32 documentHash
    ) external returns (bytes32 id);

    /// @notice All fields of invoice or credit note `id`.
    /// @dev Anyone. Reverts "unknown invoice".
    function getInvoice(bytes32 id) external view returns (Invoice memory invoice);

    /// @notice keccak256(bytes(sellerTaxId) ++ "/" ++ bytes(number)), whether or not it exists.
    /// @dev Anyone. Never reverts.
    function invoiceId(string calldata sellerTaxId, string calldata number) external pure returns (bytes32);
}
