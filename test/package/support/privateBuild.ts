/**
 * A private build of the package for tests that load it the way a consumer does, without
 * touching the repository's dist/: `scripts/build-package.mjs --out` into
 * node_modules/.cache/perun-package-test/node_modules/perun-adjudicators, next to a copy of
 * package.json. Scripts written into `consumerDir()` resolve `perun-adjudicators` to that copy
 * and its dependencies to the repository's node_modules. Built once per test process.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "..", "..", "..");
const CONSUMER = join(ROOT, "node_modules", ".cache", "perun-package-test");
let built = false;

/** Builds (once) and returns the folder to write consumer scripts into. */
export function consumerDir(): string {
  if (built) return CONSUMER;
  const pkgDir = join(CONSUMER, "node_modules", "perun-adjudicators");
  rmSync(CONSUMER, { recursive: true, force: true });
  mkdirSync(pkgDir, { recursive: true });
  copyFileSync(join(ROOT, "package.json"), join(pkgDir, "package.json"));
  // Its own package scope, so that tools which resolve `perun-adjudicators` as a self-reference
  // of the nearest package.json (esbuild does) do not find the repository's.
  writeFileSync(join(CONSUMER, "package.json"), `${JSON.stringify({ name: "consumer", private: true })}\n`);
  const r = spawnSync(process.execPath, ["scripts/build-package.mjs", "--out", join(pkgDir, "dist")], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 300_000,
  });
  if (r.status !== 0) throw new Error(`build-package failed:\n${r.stdout}${r.stderr}`);
  built = true;
  return CONSUMER;
}

/** Runs `node <args>` in the consumer folder. */
export function runConsumer(args: string[]): { status: number | null; out: string; stdout: string } {
  const r = spawnSync(process.execPath, args, { cwd: consumerDir(), encoding: "utf8", timeout: 120_000 });
  return { status: r.status, out: `${r.stdout ?? ""}${r.stderr ?? ""}`, stdout: r.stdout ?? "" };
}
