import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MessageChannel, type MessagePort, Worker, receiveMessageOnPort } from "node:worker_threads";
import { runNative, runNativeAsync } from "./nativeRun";
import { ckbVmMode } from "./vmChoice";

/**
 * Runs a real CKB VM (ckb-debugger 0.200.1: the same RISC-V machine, syscalls and cycle
 * accounting as a node) offline, one script group at a time, in one of three ways (CKB_VM,
 * vmChoice.ts):
 * - `native`: the ckb-debugger `npm run setup:native` built from crates.io with the asm VM, one
 *   process per group (nativeRun.ts) — the default when it is built;
 * - `wasm`: ckb-testtool's WASM build under Node's WASI, one fresh WASI instance per group in a
 *   worker thread that keeps one compiled (and tiered-up) WebAssembly.Module for all runs
 *   (vmWorker.js) — the default without the native build; if the worker cannot start or answer,
 *   it falls back to `process`;
 * - `process`: the WASM build in a child process of its own per group (ckbDebugger.js).
 * All read the same mock-transaction file and give the same verdicts, cycles and output
 * (test/ckb/vm.test.ts, `npm run bench:ckb-vm`).
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

/** A job for the worker: the debugger's arguments and where it writes its output. */
interface WorkerJob {
  w: VmWorker;
  outPath: string;
  errPath: string;
  done: Int32Array;
}

function postJob(args: string[], dir: string): WorkerJob | undefined {
  const w = startWorker();
  if (w === null) return undefined;
  const job = { w, outPath: join(dir, "stdout.txt"), errPath: join(dir, "stderr.txt") };
  const done = new Int32Array(new SharedArrayBuffer(4));
  w.port.postMessage({ args, dir, outPath: job.outPath, errPath: job.errPath, done: done.buffer });
  return { ...job, done };
}

/** The job's output once `done` is set, or undefined (and the worker stopped) when it failed. */
function collectJob(job: WorkerJob): string | undefined {
  const reply = receiveMessageOnPort(job.w.port)?.message as { status?: number; error?: string } | undefined;
  if (Atomics.load(job.done, 0) !== 1 || reply === undefined || reply.error !== undefined) {
    stopWorker(reply?.error ?? "no answer");
    return undefined;
  }
  // Like the child process's stdout + stderr.
  return readFileSync(job.outPath, "utf8") + readFileSync(job.errPath, "utf8");
}

/** ckb-debugger's output from the worker (blocking), or undefined when the worker cannot deliver it. */
function runInWorker(args: string[], dir: string): string | undefined {
  const job = postJob(args, dir);
  if (job === undefined) return undefined;
  Atomics.wait(job.done, 0, 0, WORKER_TIMEOUT_MS);
  return collectJob(job);
}

/** `Atomics.waitAsync` (Node 16+; not in this project's TypeScript lib). */
interface AtomicsWaitAsync {
  waitAsync(
    array: Int32Array,
    index: number,
    value: number,
    timeout: number,
  ): { async: false; value: string } | { async: true; value: Promise<string> };
}

/** `runInWorker` without blocking the event loop (the caller serialises jobs). */
async function runInWorkerAsync(args: string[], dir: string): Promise<string | undefined> {
  const job = postJob(args, dir);
  if (job === undefined) return undefined;
  // The worker is unref'd (it must not keep a finished process alive), and a pending
  // Atomics.waitAsync does not keep the event loop alive either: without the ref, Node would
  // exit — with status 0 — while the job runs.
  job.w.worker.ref();
  try {
    const waited = (Atomics as unknown as AtomicsWaitAsync).waitAsync(job.done, 0, 0, WORKER_TIMEOUT_MS);
    if (waited.async) await waited.value;
  } finally {
    job.w.worker.unref();
  }
  return collectJob(job);
}

const CHILD = ["--no-warnings", join(__dirname, "ckbDebugger.js")];

function runInChild(args: string[]): { stdout: string; status: number | null } {
  const child = spawnSync(process.execPath, [...CHILD, ...args], { encoding: "utf8", maxBuffer: 64 << 20 });
  return { stdout: child.stdout + child.stderr, status: child.status };
}

async function runInChildAsync(args: string[]): Promise<{ stdout: string; status: number | null }> {
  const child = spawn(process.execPath, [...CHILD, ...args]);
  let stdout = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  const status = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve(code));
  });
  return { stdout, status };
}

/** Which runner verified the last script group (for tests of the choice and the fallback). */
export let lastRunner: Via | undefined;

/** native: the native binary; worker: WASM in the worker thread; process: WASM in a child process. */
export type Via = "native" | "worker" | "process";

/** The runner CKB_VM selects (throws CkbVmChoiceError for an unknown mode or an unbuilt native VM). */
export function defaultVia(): Via {
  const mode = ckbVmMode();
  return mode === "wasm" ? "worker" : mode;
}

/** Writes the mock transaction into `dir` and returns ckb-debugger's arguments for one group. */
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

/**
 * Verifies one script group of the mock transaction `txJson` (ckb-debugger --tx-file) with the
 * runner `via` (default: CKB_VM's); "worker" falls back to "process" when the worker is
 * unavailable. Blocks the calling thread.
 */
export function runScriptGroup(
  txJson: string,
  groupType: "lock" | "type",
  cellType: "input" | "output",
  index: number,
  via: Via = defaultVia(),
): DebuggerRun {
  const dir = mkdtempSync(join(tmpdir(), "ckbvm-"));
  try {
    const args = debuggerArgs(dir, txJson, groupType, cellType, index);
    if (via === "native") {
      lastRunner = "native";
      return parseRun(runNative(args), 0);
    }
    const stdout = via === "worker" ? runInWorker(args, dir) : undefined;
    if (stdout !== undefined) {
      lastRunner = "worker";
      return parseRun(stdout, 0);
    }
    lastRunner = "process";
    const child = runInChild(args);
    return parseRun(child.stdout, child.status);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Serialises the asynchronous runs: the worker answers one job at a time, in order. */
let asyncQueue: Promise<unknown> = Promise.resolve();

/**
 * `runScriptGroup` without blocking the event loop while the VM runs (seconds): for callers
 * that keep network connections open meanwhile (the demo's EVM node over HTTP). Same runners,
 * same verdicts; calls run one after the other.
 */
export function runScriptGroupAsync(
  txJson: string,
  groupType: "lock" | "type",
  cellType: "input" | "output",
  index: number,
  via: Via = defaultVia(),
): Promise<DebuggerRun> {
  const run = asyncQueue.then(async () => {
    const dir = mkdtempSync(join(tmpdir(), "ckbvm-"));
    try {
      const args = debuggerArgs(dir, txJson, groupType, cellType, index);
      if (via === "native") {
        lastRunner = "native";
        return parseRun(await runNativeAsync(args), 0);
      }
      const stdout = via === "worker" ? await runInWorkerAsync(args, dir) : undefined;
      if (stdout !== undefined) {
        lastRunner = "worker";
        return parseRun(stdout, 0);
      }
      lastRunner = "process";
      const child = await runInChildAsync(args);
      return parseRun(child.stdout, child.status);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  asyncQueue = run.catch(() => undefined);
  return run;
}
