package io.fiscus.client.demo;

import io.fiscus.client.auth.AuthenticatedHttp;
import io.fiscus.client.finality.FinalityProof;
import io.fiscus.client.finality.FinalityVerificationException;
import io.fiscus.client.finality.FinalityVerifier;
import io.fiscus.client.finality.TrustedValidators;
import io.fiscus.client.finality.VerifiedFinality;
import java.io.IOException;
import java.util.Locale;
import org.web3j.protocol.http.HttpService;

/**
 * Step 7: the client checks that the referenced payment of step 3 is final without trusting the
 * node: the block's commit seals against the validator set of the genesis (followed through every
 * header's votes), the transaction and receipt Merkle proofs against the block's roots. Then the
 * same check is given another transaction's proof, as a lying node would, and rejects it.
 */
final class FinalityStep implements DemoStep {
  @Override
  public String title() {
    return "Finality verified by the client";
  }

  @Override
  public void run(DemoContext demo) {
    ValidatorNode node = demo.nodes.validator(DemoContext.usableValidators(demo.nodes.size()));
    // The bank checks finality itself, asking with its own token.
    HttpService service =
        AuthenticatedHttp.service(
            node.ports.rpcUrl(), demo.parties.bankA.client().tokens().orElseThrow());
    try {
      FinalityVerifier verifier =
          new FinalityVerifier(
              service, TrustedValidators.fromGenesis(demo.network.layout.genesis()));
      String hash = demo.referencePaymentHash;
      demo.act(
          "payment " + PaymentsStep.REFERENCE + ": proof from " + node.name,
          () -> verifier.verify(hash),
          verified -> describe(verified));
      FinalityProof otherProof = verifier.fetchProof(demo.refusedPaymentHash);
      demo.expectRefusal(
          "rejected",
          "the same check on another transaction's proof",
          () -> {
            try {
              verifier.verify(hash, otherProof);
            } catch (FinalityVerificationException e) {
              return e.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            }
            throw new DemoContext.StepFailedException(
                "the verifier accepted another transaction's proof");
          });
    } finally {
      close(service);
    }
  }

  private static void close(HttpService service) {
    try {
      service.close();
    } catch (IOException e) {
      // nothing was pending; the connection pool closes with the JVM
    }
  }

  private static String describe(VerifiedFinality verified) {
    return "block "
        + verified.blockNumber()
        + " · "
        + verified.sealers().size()
        + "/"
        + verified.validators().size()
        + " seals, tx and receipt proven";
  }
}
