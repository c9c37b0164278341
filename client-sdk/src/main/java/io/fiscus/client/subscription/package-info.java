/**
 * Push notifications for an account: {@link io.fiscus.client.subscription.IncomingSubscription}
 * delivers its incoming payments and invoices over a reconnecting WebSocket.
 */
package io.fiscus.client.subscription;
