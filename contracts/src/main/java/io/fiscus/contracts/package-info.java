/**
 * The four system contracts (Registry, Token, TaxInvoices, LedgerRecords) as deterministic Java,
 * behind {@link io.fiscus.contracts.SystemContracts}; rules in {@code contracts/README.md}.
 */
package io.fiscus.contracts;
