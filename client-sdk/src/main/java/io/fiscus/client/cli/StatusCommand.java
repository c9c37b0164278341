package io.fiscus.client.cli;

import io.fiscus.client.Call;
import io.fiscus.client.ForbiddenException;
import io.fiscus.client.TokenClient;
import io.fiscus.client.rpc.NodeStatus;
import io.fiscus.client.rpc.Supply;
import picocli.CommandLine.Command;

/**
 * {@code status}: the node's view of the chain, and the money supply when the caller may see it.
 */
@Command(
    name = "status",
    description = "Show the node's chain, height, validators and peers, and the money supply.")
final class StatusCommand extends ClientCommand {

  @Override
  Output run(Session session) {
    NodeStatus status = Call.of(session.fiscus().cbdcNodeStatus()).send().getNodeStatus();
    Output.FieldsBuilder fields =
        Output.fields()
            .add("chain id", Value.count(status.chainId()))
            .add("height", Value.count(status.height()))
            .add("head hash", Value.text(status.headHash()))
            .add("validators", new Value.TextList(status.validators()))
            .add("is validator", Value.flag(status.isValidator()))
            .add("peers", Value.count(status.peers()))
            .add("syncing", Value.flag(status.syncing()))
            .add("round", Value.count(status.round()))
            .add("pending transactions", Value.count(status.mempoolSize()));
    try {
      Supply supply = new TokenClient(session.fiscus()).supply().send();
      fields
          .add("total supply", Value.money(supply.totalSupply()))
          .add("issued", Value.money(supply.issued()))
          .add("redeemed", Value.money(supply.redeemed()));
    } catch (ForbiddenException centralBankOnly) {
      // With RPC authentication on, the supply is the central bank's to see (ADR 0020).
      fields.add("total supply", Value.text("visible to the central bank only"));
    }
    return fields.build();
  }
}
