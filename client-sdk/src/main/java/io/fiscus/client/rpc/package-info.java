/**
 * The {@code cbdc_} JSON-RPC namespace as Java: query filters ({@link
 * io.fiscus.client.rpc.InvoiceQuery} and friends), the Web3j response classes ({@code CbdcGet…})
 * and the typed records they yield ({@link io.fiscus.client.rpc.Invoice}, {@link
 * io.fiscus.client.rpc.TaxSummary}, …). {@code docs/rpc.md} documents the wire format.
 */
package io.fiscus.client.rpc;
