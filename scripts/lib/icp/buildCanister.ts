import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

/** Where things are, relative to the repository root. */
export const ROOT = resolve(__dirname, "..", "..", "..");
export const CANISTER_NAME = "adjudicator";
export const WASM_PATH = join(ROOT, ".azle", CANISTER_NAME, `${CANISTER_NAME}.wasm`);
/** The `.did` the build generates (compared with the committed one by a drift test). */
export const BUILT_DID_PATH = join(ROOT, ".azle", CANISTER_NAME, `${CANISTER_NAME}.did`);
/** The committed `.did` (dfx.json's `candid`, the source of typechain/icp). */
export const COMMITTED_DID_PATH = join(ROOT, "canisters", CANISTER_NAME, `${CANISTER_NAME}.did`);

/** Everything the wasm is built from: the canister, the shared encoding, the errors, the lockfile. */
const INPUTS = ["canisters/adjudicator/src", "src/encoding", "src/errors", "package-lock.json", "dfx.json"];

function newestMtime(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = s.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** True when the wasm and the generated `.did` exist and are newer than every input. */
export function canisterIsUpToDate(): boolean {
  if (!existsSync(WASM_PATH) || !existsSync(BUILT_DID_PATH)) return false;
  const built = Math.min(statSync(WASM_PATH).mtimeMs, statSync(BUILT_DID_PATH).mtimeMs);
  return INPUTS.every((p) => newestMtime(join(ROOT, p)) <= built);
}

export interface BuildResult {
  wasmPath: string;
  didPath: string;
  rebuilt: boolean;
  ms: number;
}

/**
 * Builds the canister with Azle (`azle build adjudicator`, offline; needs dfx.json, not dfx)
 * unless it is up to date. Idempotent and fast when nothing changed. `azle build` does not
 * type-check: the typecheck test covers the canister's tsconfig.
 */
export function buildCanister({ force = false, log = (_: string): void => undefined } = {}): BuildResult {
  const t0 = Date.now();
  if (!force && canisterIsUpToDate())
    return { wasmPath: WASM_PATH, didPath: BUILT_DID_PATH, rebuilt: false, ms: Date.now() - t0 };
  log(`building the ${CANISTER_NAME} canister with azle (about 10 s)…`);
  execFileSync(join(ROOT, "node_modules", ".bin", "azle"), ["build", CANISTER_NAME], {
    cwd: ROOT,
    env: { ...process.env, CANISTER_CANDID_PATH: BUILT_DID_PATH },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return { wasmPath: WASM_PATH, didPath: BUILT_DID_PATH, rebuilt: true, ms: Date.now() - t0 };
}

/** Copies the freshly generated `.did` over the committed one (`npm run build:icp`). */
export function commitDid(): void {
  copyFileSync(BUILT_DID_PATH, COMMITTED_DID_PATH);
}
