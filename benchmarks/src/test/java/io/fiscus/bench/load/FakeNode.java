package io.fiscus.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fiscus.crypto.Keccak;
import io.fiscus.types.Bytes;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * A JSON-RPC server on loopback standing in for the node: it accepts raw transactions (refusing
 * every {@code refuseEvery}-th one as if the pool were full) and seals everything pending into a
 * new block whenever the head is asked for.
 */
final class FakeNode implements AutoCloseable {
  private final ObjectMapper json = new ObjectMapper();
  private final HttpServer server;
  private final int refuseEvery;
  private final List<List<String>> blocks = new ArrayList<>();
  private final List<String> pending = new ArrayList<>();
  private int received;

  FakeNode(int refuseEvery) throws IOException {
    this.refuseEvery = refuseEvery;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(4));
    blocks.add(List.of()); // genesis
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  private void handle(HttpExchange exchange) throws IOException {
    JsonNode request = json.readTree(exchange.getRequestBody());
    JsonNode answer;
    if (request.isArray()) {
      ArrayNode answers = json.createArrayNode();
      for (JsonNode call : request) {
        answers.add(answer(call));
      }
      answer = answers;
    } else {
      answer = answer(request);
    }
    byte[] body = json.writeValueAsBytes(answer);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private synchronized ObjectNode answer(JsonNode call) {
    ObjectNode answer = json.createObjectNode().put("jsonrpc", "2.0");
    answer.set("id", call.get("id"));
    JsonNode params = call.path("params");
    switch (call.path("method").asText()) {
      case "eth_sendRawTransaction" -> {
        if (++received % refuseEvery == 0) {
          answer.putObject("error").put("code", -32000).put("message", "Transaction pool is full");
        } else {
          String hash = Keccak.hash(Bytes.fromHex(params.get(0).asText())).toHex();
          pending.add(hash);
          answer.put("result", hash);
        }
      }
      case "eth_blockNumber" -> {
        if (!pending.isEmpty()) {
          blocks.add(List.copyOf(pending));
          pending.clear();
        }
        answer.put("result", "0x" + Long.toHexString(blocks.size() - 1));
      }
      case "eth_getBlockByNumber" -> {
        int number = Integer.decode(params.get(0).asText());
        ObjectNode block = answer.putObject("result");
        block.put("number", "0x" + Integer.toHexString(number));
        ArrayNode hashes = block.putArray("transactions");
        blocks.get(number).forEach(hashes::add);
      }
      default -> answer.putObject("error").put("code", -32601).put("message", "Method not found");
    }
    return answer;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
