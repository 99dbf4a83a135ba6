import { spawnSync } from "node:child_process";
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
    const txPath = join(dir, "tx.json");
    writeFileSync(txPath, txJson);
    const args = [
      "--tx-file",
      txPath,
      "--cell-type",
      cellType,
      "--script-group-type",
      groupType,
      "--cell-index",
      String(index),
    ];
    const child = spawnSync(process.execPath, ["--no-warnings", join(__dirname, "ckbDebugger.js"), ...args], {
      encoding: "utf8",
      maxBuffer: 64 << 20,
    });
    const stdout = child.stdout + child.stderr;
    const result = /Run result: (-?\d+)/.exec(stdout);
    const cycles = /All cycles: (\d+)/.exec(stdout);
    if (result === null) throw new Error(`ckb-debugger gave no result (status ${child.status}):\n${stdout}`);
    return { code: Number(result[1]), cycles: cycles === null ? 0 : Number(cycles[1]), stdout };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
