// Child process that runs ckb-testtool's WASM ckb-debugger once under Node's WASI (each
// verification in its own process: several WASI instances in one process abort V8).
// usage: node ckbDebugger.js <ckb-debugger args…>
"use strict";
const { readFileSync } = require("node:fs");
const { join, dirname } = require("node:path");
const { WASI } = require("node:wasi");
process.removeAllListeners("warning");
process.on("warning", () => {});
const { DEFAULT_SCRIPT_CKB_JS_VM } = require("ckb-testtool");
const wasmPath = join(DEFAULT_SCRIPT_CKB_JS_VM, "..", "..", "..", "wasm", "ckb-debugger.wasm");
const args = process.argv.slice(2);
const txPath = args[args.indexOf("--tx-file") + 1];
const dir = dirname(txPath);
const wasi = new WASI({
  version: "preview1",
  args: ["ckb-debugger", ...args],
  preopens: { [dir]: dir },
  stdout: 1,
  stderr: 2,
});
const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(wasmPath)), wasi.getImportObject());
process.exitCode = wasi.start(instance);
