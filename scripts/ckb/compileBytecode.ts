import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CKB_SCRIPTS_DIR, bundleChannelType } from "./bundle";

/**
 * The channel type script is deployed as QuickJS bytecode (parsing ~20 kB of JS source costs
 * ~12 M cycles in ckb-js-vm on every run). Bytecode comes from ckbqjsc
 * (ckb-scripts/bytecode/build.sh, gcc + ckb-js-vm's vendored QuickJS), which a fresh machine
 * may not have — so the bytecode is a committed, generated artifact with a manifest naming the
 * bundle it was compiled from; test/ckb/bytecode.test.ts fails when the bundle drifts from the
 * manifest, and recompiles and compares when ckbqjsc is present.
 *
 * `npm run build:ckb` (this file) rebuilds bundle, bytecode and manifest.
 */
export const BYTECODE_PATH = join(CKB_SCRIPTS_DIR, "channel-type", "channel-type.bc");
export const MANIFEST_PATH = join(CKB_SCRIPTS_DIR, "channel-type", "channel-type.bc.json");
export const COMPILER_PATH = join(CKB_SCRIPTS_DIR, "bytecode", "ckbqjsc");

export interface BytecodeManifest {
  bundleSha256: string;
  bundleBytes: number;
  bytecodeSha256: string;
  bytecodeBytes: number;
  quickjs: string;
}

export function sha256(b: Uint8Array): string {
  return createHash("sha256").update(b).digest("hex");
}

/** Compiles `bundle` with ckbqjsc (throws if the compiler is not built). */
export function compileBytecode(bundle: Uint8Array): Uint8Array {
  if (!existsSync(COMPILER_PATH))
    throw new Error(`${COMPILER_PATH} missing: run ckb-scripts/bytecode/build.sh (needs gcc and QUICKJS_DIR)`);
  const dir = mkdtempSync(join(tmpdir(), "ckbqjsc-"));
  try {
    writeFileSync(join(dir, "in.js"), bundle);
    execFileSync(COMPILER_PATH, [join(dir, "in.js"), join(dir, "out.bc")], { stdio: ["ignore", "ignore", "inherit"] });
    return new Uint8Array(readFileSync(join(dir, "out.bc")));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function committedBytecode(): Uint8Array {
  return new Uint8Array(readFileSync(BYTECODE_PATH));
}

export function committedManifest(): BytecodeManifest {
  return JSON.parse(readFileSync(MANIFEST_PATH, "utf8"));
}

if (require.main === module) {
  const bundle = bundleChannelType();
  const bc = compileBytecode(bundle);
  writeFileSync(BYTECODE_PATH, bc);
  const manifest: BytecodeManifest = {
    bundleSha256: sha256(bundle),
    bundleBytes: bundle.length,
    bytecodeSha256: sha256(bc),
    bytecodeBytes: bc.length,
    quickjs: "nervosnetwork/ckb-js-vm@3d966c3 deps/quickjs (ckb-testtool 1.0.5's ckb-js-vm)",
  };
  writeFileSync(MANIFEST_PATH, JSON.stringify(manifest, null, 2) + "\n");
  console.log(`channel-type: bundle ${bundle.length} B → bytecode ${bc.length} B (${BYTECODE_PATH})`);
}
