/**
 * {@code scripts/devnet}: the orchestrator ({@link io.fiscus.client.demo.Devnet}) that runs a
 * network of real {@code fiscus node} processes on this machine, the demo scenario it narrates
 * through the SDK, and its live status line. See {@code docs/devnet.md} and ADR 0016.
 */
package io.fiscus.client.demo;
