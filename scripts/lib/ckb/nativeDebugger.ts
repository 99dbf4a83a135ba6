import { existsSync } from "node:fs";
import { join } from "node:path";

/**
 * Where `npm run setup:native` installs the native ckb-debugger (built from crates.io with its
 * `asm` feature) and which version it pins: the version of ckb-testtool 1.0.5's WASM build, so
 * both run the same VM and agree on every cycle (test/ckb/vm.test.ts, `npm run bench:ckb-vm`).
 */
export const CKB_DEBUGGER_VERSION = "0.200.1";

/** `cargo install --root` of the native build (git-ignored). */
export const NATIVE_ROOT = join(__dirname, "..", "..", "..", "tools", "native");

export const NATIVE_DEBUGGER = join(NATIVE_ROOT, "bin", "ckb-debugger");

/** True when the native ckb-debugger has been built (`npm run setup:native`). */
export function nativeDebuggerPresent(): boolean {
  return existsSync(NATIVE_DEBUGGER);
}
