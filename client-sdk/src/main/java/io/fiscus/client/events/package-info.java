/**
 * The system contracts' events as Java records: {@link io.fiscus.client.events.LedgerEvent} and
 * {@link io.fiscus.client.events.LedgerEvents}, which decodes them from receipts and logs.
 */
package io.fiscus.client.events;
