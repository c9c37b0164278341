package io.fiscus.rpc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Collects the node's methods from every module into one immutable map, refusing a name registered
 * twice, and adds {@code rpc_modules} (each namespace present, version "1.0").
 */
public final class RpcRegistry {
  private static final String MODULE_VERSION = "1.0";

  private final Map<String, RpcMethod> methods = new LinkedHashMap<>();

  /** Adds every method of one module. */
  public RpcRegistry addAll(Map<String, RpcMethod> module) {
    module.forEach(this::add);
    return this;
  }

  public RpcRegistry add(String name, RpcMethod method) {
    if (methods.putIfAbsent(name, method) != null) {
      throw new IllegalArgumentException("JSON-RPC method registered twice: " + name);
    }
    return this;
  }

  /** The methods so far, as they were added (for a module that is merged later). */
  public Map<String, RpcMethod> methodsWithoutModules() {
    return Map.copyOf(methods);
  }

  /** The methods so far plus {@code rpc_modules}. */
  public Map<String, RpcMethod> build() {
    SortedMap<String, String> modules = new TreeMap<>();
    for (String name : methods.keySet()) {
      int underscore = name.indexOf('_');
      if (underscore > 0) {
        modules.put(name.substring(0, underscore), MODULE_VERSION);
      }
    }
    modules.put("rpc", MODULE_VERSION);
    Map<String, RpcMethod> all = new LinkedHashMap<>(methods);
    SortedMap<String, String> answer = Collections.unmodifiableSortedMap(modules);
    all.putIfAbsent("rpc_modules", params -> answer);
    return Map.copyOf(all);
  }
}
