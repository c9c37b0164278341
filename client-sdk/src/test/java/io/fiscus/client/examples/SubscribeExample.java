package io.fiscus.client.examples;

import io.fiscus.client.events.LedgerEvent;
import io.fiscus.client.subscription.IncomingSubscription;
import java.net.URI;
import java.util.OptionalLong;

/** README: be told of incoming payments and invoices as their blocks commit. */
public final class SubscribeExample {
  private SubscribeExample() {}

  /** Subscribes {@code account} to its incoming events; close the result to stop. */
  public static IncomingSubscription subscribe(String webSocketUrl, String account) {
    // tag::subscribe[]
    IncomingSubscription incoming =
        IncomingSubscription.start(
            URI.create(webSocketUrl), // e.g. ws://127.0.0.1:8545/
            account,
            OptionalLong.empty(), // or a block to replay from
            event -> {
              switch (event.event()) {
                case LedgerEvent.Transfer paid ->
                    System.out.println("received " + paid.amount() + " from " + paid.from());
                case LedgerEvent.InvoiceIssued invoice ->
                    System.out.println("invoice " + invoice.id() + " to pay");
                default -> {}
              }
            });
    // reconnects with backoff and replays what it missed; incoming.close() stops it
    // end::subscribe[]
    return incoming;
  }
}
