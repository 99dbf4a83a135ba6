/**
 * Finding Go and reading which go-perun modules the interop module pins. `GOPERUN_GO` names the
 * go binary (default `go` on PATH); pointing it at a missing file shows the skip path.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";

/** The Go module under test/interop/go-perun. */
export const GO_MODULE_DIR = resolve(__dirname, "..", "go-perun");

/** The go binary to run. */
export function goBinary(): string {
  return process.env.GOPERUN_GO?.trim() || "go";
}

/** `go version` output, or why Go cannot be used. */
export type GoAvailability = { ok: true; version: string } | { ok: false; reason: string };

export function goAvailability(): GoAvailability {
  const go = goBinary();
  const r = spawnSync(go, ["version"], { encoding: "utf8", timeout: 60_000 });
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    return { ok: false, reason: `Go is not installed (${go}: ${code === "ENOENT" ? "not found" : r.error.message})` };
  }
  if (r.status !== 0) return { ok: false, reason: `\`${go} version\` failed: ${r.stderr.trim()}` };
  return { ok: true, version: r.stdout.trim() };
}

/** The pinned versions of go-perun, perun-eth-backend and go-ethereum, read from go.mod. */
export interface PinnedModules {
  goPerun: string;
  ethBackend: string;
  goEthereum: string;
}

export function pinnedModules(): PinnedModules {
  const mod = readFileSync(join(GO_MODULE_DIR, "go.mod"), "utf8");
  const version = (path: string): string => {
    const m = new RegExp(`^\\s*(?:require\\s+)?${path.replace(/[.]/g, "\\.")}\\s+(\\S+)`, "m").exec(mod);
    if (!m) throw new Error(`go.mod does not require ${path}`);
    return m[1];
  };
  return {
    goPerun: version("perun.network/go-perun"),
    ethBackend: version("github.com/perun-network/perun-eth-backend"),
    goEthereum: version("github.com/ethereum/go-ethereum"),
  };
}
