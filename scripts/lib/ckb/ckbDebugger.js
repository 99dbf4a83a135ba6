// Child process that runs ckb-testtool's WASM ckb-debugger once under Node's WASI: the
// fallback of vm.ts when its worker thread is unavailable (CKB_VM=process forces it).
// usage: node ckbDebugger.js <ckb-debugger args…>
"use strict";
const { readFileSync } = require("node:fs");
const { dirname } = require("node:path");
const { WASI } = require("node:wasi");
const { DEBUGGER_WASM } = require("./debuggerWasm");
process.removeAllListeners("warning");
process.on("warning", () => {});
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
const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(DEBUGGER_WASM)), wasi.getImportObject());
process.exitCode = wasi.start(instance);
