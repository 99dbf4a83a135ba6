import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MessageChannel, type MessagePort, Worker, receiveMessageOnPort } from "node:worker_threads";

/**
 * Runs ckb-testtool's WASM build of ckb-debugger (a real CKB VM: the same RISC-V machine,
 * syscalls and cycle accounting as a node) under Node's WASI, offline. Each script group gets
 * a fresh WASI instance of the debugger — in a worker thread that keeps one compiled (and
 * tiered-up) WebAssembly.Module for all runs (vmWorker.js), or, as the fallback, in a child
 * process of its own (ckbDebugger.js). Both run the same binary on the same tx file, so
 * verdicts and cycles are identical; the worker saves the process start and the warm-up.
 * `CKB_VM=process` forces the child process.
 */
export interface DebuggerRun {
  /** The script's exit code (0 = accepted). */
  code: number;
  cycles: number;
  stdout: string;
}

/** How long one script group may take in the worker before it is given up for the fallback. */
const WORKER_TIMEOUT_MS = 300_000;
/** How long the worker may take to start and compile the debugger. */
const WORKER_START_MS = 60_000;

interface VmWorker {
  worker: Worker;
  port: MessagePort;
}

/** undefined: not started yet; null: unavailable (use the child process). */
let vmWorker: VmWorker | null | undefined;
let workerScript = join(__dirname, "vmWorker.js");

/** Tests only: stop the worker and start the next one from `script` (default vmWorker.js). */
export function setVmWorkerScript(script?: string): void {
  stopWorker();
  vmWorker = undefined;
  workerScript = script ?? join(__dirname, "vmWorker.js");
}

function stopWorker(reason?: string): void {
  if (vmWorker) void vmWorker.worker.terminate();
  vmWorker = null;
  if (reason !== undefined)
    process.stderr.write(`CKB VM worker unavailable (${reason}): verifying in child processes\n`);
}

function startWorker(): VmWorker | null {
  if (vmWorker !== undefined) return vmWorker;
  try {
    const { port1, port2 } = new MessageChannel();
    const ready = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(workerScript, {
      execArgv: ["--no-warnings"],
      workerData: { port: port2, ready: ready.buffer },
      transferList: [port2],
    });
    worker.unref();
    vmWorker = { worker, port: port1 };
    // The main thread blocks here (and in runInWorker) while the worker thread works.
    Atomics.wait(ready, 0, 0, WORKER_START_MS);
    if (Atomics.load(ready, 0) !== 1) {
      const reply = receiveMessageOnPort(port1)?.message as { error?: string } | undefined;
      stopWorker(reply?.error ?? "it did not start");
    }
  } catch (e) {
    stopWorker(String(e));
  }
  return vmWorker ?? null;
}

/** ckb-debugger's output from the worker, or undefined when the worker cannot deliver it. */
function runInWorker(args: string[], dir: string): string | undefined {
  const w = startWorker();
  if (w === null) return undefined;
  const outPath = join(dir, "stdout.txt");
  const errPath = join(dir, "stderr.txt");
  const done = new Int32Array(new SharedArrayBuffer(4));
  w.port.postMessage({ args, dir, outPath, errPath, done: done.buffer });
  Atomics.wait(done, 0, 0, WORKER_TIMEOUT_MS);
  const reply = receiveMessageOnPort(w.port)?.message as { status?: number; error?: string } | undefined;
  if (Atomics.load(done, 0) !== 1 || reply === undefined || reply.error !== undefined) {
    stopWorker(reply?.error ?? "no answer");
    return undefined;
  }
  // Like the child process's stdout + stderr.
  return readFileSync(outPath, "utf8") + readFileSync(errPath, "utf8");
}

function runInChild(args: string[]): { stdout: string; status: number | null } {
  const child = spawnSync(process.execPath, ["--no-warnings", join(__dirname, "ckbDebugger.js"), ...args], {
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  return { stdout: child.stdout + child.stderr, status: child.status };
}

/** Which runner verified the last script group (for tests of the fallback). */
export let lastRunner: "worker" | "process" | undefined;

/**
 * Verifies one script group of the mock transaction `txJson` (ckb-debugger --tx-file), in the
 * worker unless `via` is "process" or the worker is unavailable.
 */
export function runScriptGroup(
  txJson: string,
  groupType: "lock" | "type",
  cellType: "input" | "output",
  index: number,
  via: "worker" | "process" = process.env.CKB_VM === "process" ? "process" : "worker",
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
    let stdout = via === "worker" ? runInWorker(args, dir) : undefined;
    let status: number | null = 0;
    lastRunner = "worker";
    if (stdout === undefined) {
      ({ stdout, status } = runInChild(args));
      lastRunner = "process";
    }
    const result = /Run result: (-?\d+)/.exec(stdout);
    const cycles = /All cycles: (\d+)/.exec(stdout);
    if (result === null) throw new Error(`ckb-debugger gave no result (status ${status}):\n${stdout}`);
    return { code: Number(result[1]), cycles: cycles === null ? 0 : Number(cycles[1]), stdout };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
