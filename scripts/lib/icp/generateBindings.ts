import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { COMMITTED_DID_PATH, ROOT } from "./buildCanister";

export const BINDINGS_DIR = join(ROOT, "typechain", "icp");
export const BINDINGS_FILE = "adjudicator.did.ts";

/**
 * Runs @icp-sdk/bindgen (offline) on the committed `.did` into `outDir`: one TypeScript file
 * with the `_SERVICE` type and the `idlFactory` (the actor is made by src/icp).
 */
export function generateBindings(outDir: string = BINDINGS_DIR): string {
  mkdirSync(outDir, { recursive: true });
  execFileSync(
    join(ROOT, "node_modules", ".bin", "icp-bindgen"),
    [
      "--did-file",
      COMMITTED_DID_PATH,
      "--out-dir",
      outDir,
      "--declarations-typescript",
      "--declarations-flat",
      "--actor-disabled",
      "--force",
    ],
    { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
  );
  return join(outDir, BINDINGS_FILE);
}

/** The bindings as they would be generated now, without touching typechain/icp. */
export function freshBindings(): string {
  const dir = mkdtempSync(join(tmpdir(), "icp-bindgen-"));
  try {
    return readFileSync(generateBindings(dir), "utf8");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
