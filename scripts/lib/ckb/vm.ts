import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Runs ckb-testtool's WASM build of ckb-debugger (a real CKB VM: the same RISC-V machine,
 * syscalls and cycle accounting as a node) under Node's WASI, offline, one child process per
 * script group (ckbDebugger.js).
 */
export interface DebuggerRun {
  /** The script's exit code (0 = accepted). */
  code: number;
  cycles: number;
  stdout: string;
}

/** Verifies one script group of the mock transaction `txJson` (ckb-debugger --tx-file). */
export function runScriptGroup(
  txJson: string,
  groupType: "lock" | "type",
  cellType: "input" | "output",
  index: number,
): DebuggerRun {
  const dir = mkdtempSync(join(tmpdir(), "ckbvm-"));
  try {
    const child = spawnSync(process.execPath, debuggerArgs(dir, txJson, groupType, cellType, index), {
      encoding: "utf8",
      maxBuffer: 64 << 20,
    });
    return parseRun(child.stdout + child.stderr, child.status);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `runScriptGroup` without blocking the event loop while the VM runs (seconds): for callers
 * that keep network connections open meanwhile (the demo's EVM node over HTTP).
 */
export async function runScriptGroupAsync(
  txJson: string,
  groupType: "lock" | "type",
  cellType: "input" | "output",
  index: number,
): Promise<DebuggerRun> {
  const dir = mkdtempSync(join(tmpdir(), "ckbvm-"));
  try {
    const child = spawn(process.execPath, debuggerArgs(dir, txJson, groupType, cellType, index));
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (output += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (output += d));
    const status = await new Promise<number | null>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", (code) => resolve(code));
    });
    return parseRun(output, status);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function debuggerArgs(
  dir: string,
  txJson: string,
  groupType: "lock" | "type",
  cellType: "input" | "output",
  index: number,
): string[] {
  const txPath = join(dir, "tx.json");
  writeFileSync(txPath, txJson);
  return [
    "--no-warnings",
    join(__dirname, "ckbDebugger.js"),
    "--tx-file",
    txPath,
    "--cell-type",
    cellType,
    "--script-group-type",
    groupType,
    "--cell-index",
    String(index),
  ];
}

function parseRun(stdout: string, status: number | null): DebuggerRun {
  const result = /Run result: (-?\d+)/.exec(stdout);
  const cycles = /All cycles: (\d+)/.exec(stdout);
  if (result === null) throw new Error(`ckb-debugger gave no result (status ${status}):\n${stdout}`);
  return { code: Number(result[1]), cycles: cycles === null ? 0 : Number(cycles[1]), stdout };
}
