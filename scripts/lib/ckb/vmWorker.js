// Worker thread of vm.ts: runs ckb-testtool's WASM ckb-debugger under Node's WASI, one fresh
// WASI + WebAssembly.Instance per verified script group, all from one WebAssembly.Module
// compiled once (V8 keeps the code it tiered up, so later runs skip Liftoff warm-up).
// Protocol: workerData = { port, ready: SharedArrayBuffer }; each job on `port` is
// { args, dir, outPath, errPath, done: SharedArrayBuffer }; the worker writes ckb-debugger's
// stdout to outPath and stderr to errPath, posts { status } or { error } back and sets
// done[0] = 1.
"use strict";
const { closeSync, openSync, readFileSync } = require("node:fs");
const { setFlagsFromString } = require("node:v8");
const { runInNewContext } = require("node:vm");
const { WASI } = require("node:wasi");
const { workerData } = require("node:worker_threads");
const { DEBUGGER_WASM } = require("./debuggerWasm");

process.removeAllListeners("warning");
process.on("warning", () => {});
const { port } = workerData;
const ready = new Int32Array(workerData.ready);

function signal(flag, value) {
  Atomics.store(flag, 0, value);
  Atomics.notify(flag, 0);
}

try {
  // Each instance holds a large wasm memory that V8 otherwise reclaims too late: ~17
  // instances without a full GC in between abort the process. Collect after every run.
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc");
  const module = new WebAssembly.Module(readFileSync(DEBUGGER_WASM));
  port.on("message", (job) => {
    let result;
    try {
      const fd = openSync(job.outPath, "w");
      const errFd = openSync(job.errPath, "w");
      try {
        const wasi = new WASI({
          version: "preview1",
          args: ["ckb-debugger", ...job.args],
          preopens: { [job.dir]: job.dir },
          stdout: fd,
          stderr: errFd,
          returnOnExit: true,
        });
        result = { status: wasi.start(new WebAssembly.Instance(module, wasi.getImportObject())) };
      } finally {
        closeSync(fd);
        closeSync(errFd);
      }
    } catch (e) {
      result = { error: String((e && e.stack) || e) };
    }
    gc();
    port.postMessage(result);
    signal(new Int32Array(job.done), 1);
  });
  signal(ready, 1);
} catch (e) {
  port.postMessage({ error: String((e && e.stack) || e) });
  signal(ready, -1);
}
