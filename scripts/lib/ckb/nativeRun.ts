import { spawn, spawnSync } from "node:child_process";
import { ScriptError } from "../scriptErrors";
import { NATIVE_DEBUGGER } from "./nativeDebugger";

/**
 * Runs one script group in the native ckb-debugger and returns the output the WASM build
 * prints for it (its default `--mode full`: script logs, `Run result: N`, `All cycles: …`), so
 * that every caller parses one format and tests can compare the two VMs byte for byte.
 *
 * Why two modes: the asm VM (the `asm` feature, what a node runs) is only reachable through
 * `--mode fast`, which prints `All cycles: …` on success but on a refusal only
 * `Error: ValidationFailure("<script>", code)`, without the cycles (`--mode full` cannot run
 * an asm build at all: it panics). So an accepted group costs one asm run, and a refused one
 * is run again in `--mode probe` (the same VM and cost model, interpreted), which prints its
 * exit code and cycles; the two exit codes must agree.
 */
export class CkbNativeVmError extends ScriptError {}

interface Ran {
  stdout: string;
  stderr: string;
  status: number | null;
  error?: Error;
}

const FAST_REFUSAL = /ValidationFailure\("[^"]*", (-?\d+)\)/;

function fastArgs(args: string[]): string[] {
  return [...args, "--mode", "fast"];
}

function probeArgs(args: string[]): string[] {
  return [...args, "--mode", "probe"];
}

/** `fast`'s output as `full` prints it: `Run result: 0` before the cycles line. */
function acceptedOutput(fast: Ran): string | undefined {
  if (fast.status !== 0) return undefined;
  const at = fast.stdout.search(/^All cycles: \d+/m);
  if (at < 0) return undefined;
  return fast.stdout.slice(0, at) + "Run result: 0\n" + fast.stdout.slice(at) + fast.stderr;
}

/** `probe`'s output as `full` prints it (`Run result: Ok(23)` → `Run result: 23`), checked against `fast`. */
function refusedOutput(fast: Ran, probe: Ran, args: string[]): string {
  const fastCode = FAST_REFUSAL.exec(fast.stderr)?.[1];
  const probeCode = /^Run result: Ok\((-?\d+)\)$/m.exec(probe.stdout)?.[1];
  if (fastCode === undefined || probeCode === undefined)
    throw new CkbNativeVmError(
      `native ckb-debugger gave no script result (fast: status ${fast.status}, probe: status ${probe.status}):\n${fast.stdout}${fast.stderr}${probe.stdout}${probe.stderr}`,
      { args, fastStatus: fast.status, probeStatus: probe.status, error: fast.error?.message ?? probe.error?.message },
    );
  if (fastCode !== probeCode)
    throw new CkbNativeVmError(
      `native ckb-debugger disagrees with itself: the asm VM exited with ${fastCode}, the interpreter with ${probeCode}`,
      { args, fastCode, probeCode },
    );
  return probe.stdout.replace(/^Run result: Ok\((-?\d+)\)$/m, "Run result: $1") + probe.stderr;
}

function runSync(args: string[]): Ran {
  const r = spawnSync(NATIVE_DEBUGGER, args, { encoding: "utf8", maxBuffer: 64 << 20 });
  return { stdout: r.stdout ?? "", stderr: r.stderr ?? "", status: r.status, error: r.error };
}

function runAsync(args: string[]): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(NATIVE_DEBUGGER, args);
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", (error) => resolve({ stdout, stderr, status: null, error }));
    child.on("close", (status) => resolve({ stdout, stderr, status }));
  });
}

/** ckb-debugger's (full-mode) output for the group `args` names, from the native binary. Blocks. */
export function runNative(args: string[]): string {
  const fast = runSync(fastArgs(args));
  return acceptedOutput(fast) ?? refusedOutput(fast, runSync(probeArgs(args)), args);
}

/** `runNative` without blocking the event loop. */
export async function runNativeAsync(args: string[]): Promise<string> {
  const fast = await runAsync(fastArgs(args));
  return acceptedOutput(fast) ?? refusedOutput(fast, await runAsync(probeArgs(args)), args);
}
