/**
 * `npm run setup:native`: builds the native ckb-debugger from crates.io — the pinned version
 * (that of ckb-testtool's WASM build), its `asm` feature (the assembly VM), `--locked` — into
 * tools/native/bin/ckb-debugger (git-ignored). The CKB VM runner then uses it by default
 * (CKB_VM=native); without it everything runs on the WASM build. Needs cargo (Rust) and a C
 * compiler; exits 2 when cargo is absent. CARGO_BUILD_JOBS limits the build's parallelism.
 * Options: --force (rebuild even when the pinned version is installed).
 */
import { spawnSync } from "node:child_process";
import { CKB_DEBUGGER_VERSION, NATIVE_DEBUGGER, NATIVE_ROOT, nativeDebuggerPresent } from "./lib/ckb/nativeDebugger";

const say = (line: string): void => console.log(`# setup:native: ${line}`);
const refuse = (line: string): never => {
  console.error(`# setup:native: refused: ${line}`);
  process.exit(2);
};
const args = process.argv.slice(2);
for (const a of args) if (a !== "--force") refuse(`unknown option ${a} (only --force)`);
const force = args.includes("--force");

/** The installed binary's version line, or undefined. */
function installedVersion(): string | undefined {
  if (!nativeDebuggerPresent()) return undefined;
  const run = spawnSync(NATIVE_DEBUGGER, ["--version"], { encoding: "utf8" });
  return run.status === 0 ? run.stdout.trim() : undefined;
}

const cargo = spawnSync("cargo", ["--version"], { encoding: "utf8" });
if (cargo.error !== undefined || cargo.status !== 0)
  refuse(
    "cargo is not installed (or not on PATH): install Rust (https://rustup.rs), then run npm run setup:native again. " +
      "Without it the CKB VM runs on the WASM build (CKB_VM=wasm), which needs nothing.",
  );
say(`${cargo.stdout.trim()}; target ckb-debugger ${CKB_DEBUGGER_VERSION} with feature asm`);

const before = installedVersion();
if (before !== undefined && before.endsWith(` ${CKB_DEBUGGER_VERSION}`) && !force) {
  say(`already built: ${NATIVE_DEBUGGER} (${before}); --force rebuilds`);
  process.exit(0);
}

say(`building into ${NATIVE_ROOT} (crates.io download, then a release build: about 10–25 minutes on 2 cores)`);
const started = Date.now();
const build = spawnSync(
  "cargo",
  [
    "install",
    "--root",
    NATIVE_ROOT,
    "--version",
    `=${CKB_DEBUGGER_VERSION}`,
    "--locked",
    "--features",
    "asm",
    ...(force ? ["--force"] : []),
    "ckb-debugger",
  ],
  { stdio: "inherit" },
);
const minutes = ((Date.now() - started) / 60000).toFixed(1);
if (build.error !== undefined) refuse(`cargo could not be started: ${build.error.message}`);
if (build.status !== 0) {
  console.error(
    `# setup:native: FAILED: cargo install exited with ${build.status} after ${minutes} min (output above)`,
  );
  process.exit(1);
}
const after = installedVersion();
if (after === undefined || !after.endsWith(` ${CKB_DEBUGGER_VERSION}`)) {
  console.error(
    `# setup:native: FAILED: ${NATIVE_DEBUGGER} does not report version ${CKB_DEBUGGER_VERSION} (${after})`,
  );
  process.exit(1);
}
say(`built ${NATIVE_DEBUGGER} (${after}) in ${minutes} min`);
say("the CKB VM now runs natively by default (CKB_VM=wasm for the WASM build); check with npm run bench:ckb-vm");
