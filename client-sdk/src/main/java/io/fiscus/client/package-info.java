/**
 * The Fiscus Java SDK: a Web3j client with the {@code cbdc_*} and {@code qbft_*} namespaces, typed
 * domain clients for the four system contracts, a transaction tracker that follows a payment to
 * finality, and a finality verifier that checks it without trusting the node.
 */
package io.fiscus.client;
