/**
 * The {@code fiscus-client} command line ({@link io.fiscus.client.cli.FiscusClientCommand}): each
 * command a small class over the SDK's domain clients, one {@code Printer} deciding how every value
 * looks as text or JSON, and one {@code ErrorReport} turning failures into a line and an exit code.
 * Its user guide is {@code client-sdk/docs/cli.md}.
 */
package io.fiscus.client.cli;
