#!/usr/bin/env node
// Compiles the Solidity interfaces of the four system contracts with the pinned solc-js
// (offline: the compiler is the soljson.js inside the solc package) and writes their ABIs to
// contracts/src/main/resources/abi/<Contract>.json as {"contractName", "abi"}.
//
// The output is deterministic: ABI entries are sorted and every object's keys are written in
// a fixed order, so running it twice gives identical bytes. Any compiler error or warning, or
// a compiler other than the pinned version, fails the run.
'use strict';

const fs = require('fs');
const path = require('path');
const solc = require('solc');

const PINNED_VERSION = require('./package.json').dependencies.solc;
const SOLIDITY_DIR = path.resolve(__dirname, '..', 'src', 'main', 'solidity');
const ABI_DIR = path.resolve(__dirname, '..', 'src', 'main', 'resources', 'abi');

// Source file, interface name inside it, and the published contract name.
const CONTRACTS = [
  { source: 'IRegistry.sol', interfaceName: 'IRegistry', contractName: 'Registry' },
  { source: 'IToken.sol', interfaceName: 'IToken', contractName: 'Token' },
  { source: 'ITaxInvoices.sol', interfaceName: 'ITaxInvoices', contractName: 'TaxInvoices' },
  { source: 'ILedgerRecords.sol', interfaceName: 'ILedgerRecords', contractName: 'LedgerRecords' },
];

const ENTRY_KEYS = ['type', 'name', 'inputs', 'outputs', 'stateMutability', 'anonymous'];
const PARAM_KEYS = ['name', 'type', 'internalType', 'indexed', 'components'];
const TYPE_ORDER = ['constructor', 'function', 'event', 'error', 'fallback', 'receive'];

function fail(message) {
  console.error(`compile-abi: ${message}`);
  process.exit(1);
}

function checkCompilerVersion() {
  // solc.version() looks like "0.8.37+commit.abcdef12.Emscripten.clang".
  const actual = solc.version().split('+')[0];
  if (actual !== PINNED_VERSION) {
    fail(`solc ${actual} is loaded but package.json pins ${PINNED_VERSION}; run npm ci in contracts/solc`);
  }
}

function standardJsonInput() {
  const sources = {};
  for (const { source } of CONTRACTS) {
    sources[source] = { content: fs.readFileSync(path.join(SOLIDITY_DIR, source), 'utf8') };
  }
  return {
    language: 'Solidity',
    sources,
    settings: { outputSelection: { '*': { '*': ['abi'] } } },
  };
}

function findImports(importPath) {
  return { error: `imports are not supported (${importPath}): each interface stands alone` };
}

function compile() {
  const output = JSON.parse(solc.compile(JSON.stringify(standardJsonInput()), { import: findImports }));
  const problems = (output.errors || []).filter((e) => e.severity !== 'info');
  if (problems.length > 0) {
    for (const problem of problems) {
      console.error(problem.formattedMessage || `${problem.severity}: ${problem.message}`);
    }
    fail(`${problems.length} compiler error(s) or warning(s)`);
  }
  return output;
}

function orderKeys(object, keys, orderNested) {
  const unknown = Object.keys(object).filter((key) => !keys.includes(key));
  if (unknown.length > 0) {
    fail(`unexpected ABI keys ${unknown.join(', ')}: update compile-abi.js`);
  }
  const ordered = {};
  for (const key of keys) {
    if (key in object) {
      ordered[key] = orderNested(key, object[key]);
    }
  }
  return ordered;
}

function canonicalParam(param) {
  return orderKeys(param, PARAM_KEYS, (key, value) =>
    key === 'components' ? value.map(canonicalParam) : value);
}

function canonicalEntry(entry) {
  return orderKeys(entry, ENTRY_KEYS, (key, value) =>
    key === 'inputs' || key === 'outputs' ? value.map(canonicalParam) : value);
}

function signature(entry) {
  const types = (params) => (params || [])
    .map((p) => (p.components ? `(${types(p.components)})${p.type.slice('tuple'.length)}` : p.type))
    .join(',');
  return `${entry.name || ''}(${types(entry.inputs)})`;
}

function compareEntries(a, b) {
  const byType = TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type);
  if (byType !== 0) {
    return byType;
  }
  const sa = signature(a);
  const sb = signature(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

function main() {
  checkCompilerVersion();
  const output = compile();
  fs.mkdirSync(ABI_DIR, { recursive: true });
  for (const { source, interfaceName, contractName } of CONTRACTS) {
    const compiled = output.contracts && output.contracts[source] && output.contracts[source][interfaceName];
    if (!compiled || !Array.isArray(compiled.abi) || compiled.abi.length === 0) {
      fail(`no ABI for ${interfaceName} in ${source}`);
    }
    const abi = compiled.abi.map(canonicalEntry).sort(compareEntries);
    const json = `${JSON.stringify({ contractName, abi }, null, 2)}\n`;
    const target = path.join(ABI_DIR, `${contractName}.json`);
    fs.writeFileSync(target, json);
    console.log(`compile-abi: ${path.relative(path.resolve(__dirname, '..', '..'), target)} (${abi.length} entries)`);
  }
}

main();
