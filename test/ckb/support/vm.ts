import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WASI } from "node:wasi";

/**
 * Runs ckb-testtool's WASM build of ckb-debugger (a real CKB VM: the same RISC-V machine,
 * syscalls and cycle accounting as a node) under Node's WASI, offline. Same invocation as
 * ckb-testtool's own wasm runner, but the 3.9 MB module is compiled once per process.
 */
let compiled: WebAssembly.Module | undefined;

function wasmModule(): WebAssembly.Module {
  if (compiled === undefined) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { DEFAULT_SCRIPT_CKB_JS_VM } = require("ckb-testtool");
    // <pkg>/src/unittest/defaultScript/ckb-js-vm → <pkg>/src/wasm/ckb-debugger.wasm
    const path = join(DEFAULT_SCRIPT_CKB_JS_VM, "..", "..", "..", "wasm", "ckb-debugger.wasm");
    compiled = new WebAssembly.Module(readFileSync(path));
  }
  return compiled;
}

export interface DebuggerRun {
  /** The script's exit code (0 = accepted). */
  code: number;
  cycles: number;
  stdout: string;
}

/** Verifies one script group of the mock transaction `txJson` (ckb-debugger --tx-file). */
export function runScriptGroup(txJson: string, groupType: "lock" | "type", cellType: "input" | "output", index: number): DebuggerRun {
  const dir = mkdtempSync(join(tmpdir(), "ckbvm-"));
  try {
    const txPath = join(dir, "tx.json");
    writeFileSync(txPath, txJson);
    const outPath = join(dir, "stdout");
    const errPath = join(dir, "stderr");
    const out = openSync(outPath, "w");
    const err = openSync(errPath, "w");
    const wasi = new WASI({
      version: "preview1",
      args: ["ckb-debugger", "--tx-file", txPath, "--cell-type", cellType, "--script-group-type", groupType, "--cell-index", String(index)],
      preopens: { [dir]: dir },
      stdout: out,
      stderr: err,
    });
    const instance = new WebAssembly.Instance(wasmModule(), wasi.getImportObject() as WebAssembly.Imports);
    wasi.start(instance);
    closeSync(out);
    closeSync(err);
    const stdout = readFileSync(outPath, "utf8");
    const stderr = readFileSync(errPath, "utf8");
    const result = /Run result: (-?\d+)/.exec(stdout);
    const cycles = /All cycles: (\d+)/.exec(stdout);
    if (result === null) throw new Error(`ckb-debugger gave no result:\n${stdout}\n${stderr}`);
    return { code: Number(result[1]), cycles: cycles === null ? 0 : Number(cycles[1]), stdout: stdout + stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
