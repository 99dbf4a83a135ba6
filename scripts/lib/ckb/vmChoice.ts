import { ScriptError } from "../scriptErrors";
import { CKB_DEBUGGER_VERSION, NATIVE_DEBUGGER, nativeDebuggerPresent } from "./nativeDebugger";

/**
 * Which CKB VM verifies the script groups: `native` (the ckb-debugger `npm run setup:native`
 * built, asm VM), `wasm` (ckb-testtool's WASM build in a worker thread, falling back to child
 * processes) or `process` (the WASM build, one child process per group). All three run
 * ckb-debugger 0.200.1 and give the same verdicts, cycles and output.
 */
export type CkbVmMode = "native" | "wasm" | "process";

/** CKB_VM names a mode that does not exist, or the native VM that was not built. */
export class CkbVmChoiceError extends ScriptError {}

/**
 * The mode CKB_VM asks for: `native`, `wasm` (alias `worker`) or `process`; unset or empty
 * means native when the native ckb-debugger is built, else wasm — so a fresh clone needs
 * nothing beyond `npm ci`.
 */
export function ckbVmMode(
  value: string | undefined = process.env.CKB_VM,
  present = nativeDebuggerPresent(),
): CkbVmMode {
  const v = value?.trim() ?? "";
  if (v === "") return present ? "native" : "wasm";
  if (v === "native") {
    if (!present)
      throw new CkbVmChoiceError(
        `CKB_VM=native, but the native ckb-debugger is not built (${NATIVE_DEBUGGER}): run npm run setup:native (needs cargo), or unset CKB_VM to use the WASM VM`,
        { CKB_VM: value, path: NATIVE_DEBUGGER },
      );
    return "native";
  }
  if (v === "wasm" || v === "worker") return "wasm";
  if (v === "process") return "process";
  throw new CkbVmChoiceError(
    `CKB_VM=${JSON.stringify(value)} is not a CKB VM: use native, wasm or process (or leave it unset: native when built, else wasm)`,
    { CKB_VM: value },
  );
}

/** What verifies the script groups under CKB_VM, for reports (e.g. the demo's). */
export function ckbVmDescription(mode: CkbVmMode = ckbVmMode()): string {
  return mode === "native"
    ? `native ckb-debugger ${CKB_DEBUGGER_VERSION} (asm VM, npm run setup:native)`
    : `ckb-testtool's WASM ckb-debugger ${CKB_DEBUGGER_VERSION}${mode === "process" ? " in child processes" : ""}`;
}
