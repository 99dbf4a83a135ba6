import { expect } from "chai";
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { freePort } from "./support/freePort";

const ROOT = join(__dirname, "..", "..");

function runDeploy(extraPath: string[], env: Record<string, string> = {}) {
  const PATH = [...extraPath, dirname(process.execPath), "/usr/bin", "/bin"].join(":");
  return spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", "scripts/deploy-icp.ts"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, PATH, TS_NODE_TRANSPILE_ONLY: "true", ...env },
    timeout: 240_000,
  });
}

/** As runDeploy, without blocking this process (a test's HTTP server must answer meanwhile). */
function runDeployAsync(
  extraPath: string[],
  env: Record<string, string> = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const PATH = [...extraPath, dirname(process.execPath), "/usr/bin", "/bin"].join(":");
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", "scripts/deploy-icp.ts"], {
      cwd: ROOT,
      env: { ...process.env, PATH, TS_NODE_TRANSPILE_ONLY: "true", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

describe("scripts/deploy-icp.ts (CLI)", function () {
  this.timeout(300_000);

  it("without dfx on PATH: exit 2 with a plain message, the wasm and the .did still built", () => {
    const r = runDeploy([]);
    expect(r.status, r.stderr).to.equal(2);
    expect(r.stderr).to.match(/refused: no dfx on PATH: nothing was deployed/);
    expect(r.stdout).to.match(/wasm {2}.*adjudicator\.wasm/);
    expect(existsSync(join(ROOT, ".azle", "adjudicator", "adjudicator.wasm"))).to.equal(true);
    expect(existsSync(join(ROOT, "canisters", "adjudicator", "adjudicator.did"))).to.equal(true);
  });

  it("with dfx but no replica answering: exit 2 naming the URL, nothing deployed", async () => {
    const bin = mkdtempSync(join(tmpdir(), "fake-dfx-"));
    const marker = join(bin, "called");
    writeFileSync(join(bin, "dfx"), `#!/bin/sh\necho "$@" >> ${marker}\n`);
    chmodSync(join(bin, "dfx"), 0o755);
    const port = await freePort();
    const r = runDeploy([bin], { ICP_URL: `http://127.0.0.1:${port}` });
    expect(r.status, r.stderr).to.equal(2);
    expect(r.stderr).to.match(
      new RegExp(`network at http://127\\.0\\.0\\.1:${port} does not answer: nothing was deployed`),
    );
    expect(existsSync(marker), "dfx must not be called").to.equal(false);
  });

  it("stops, installs (upgrade mode when the canister exists), starts, then lists ICP_LEDGERS — in that order (finding 4)", async () => {
    const bin = mkdtempSync(join(tmpdir(), "fake-dfx-"));
    const calls = join(bin, "calls");
    // A fake dfx: logs every command; the canister exists; setLedgerAllowed answers Ok.
    writeFileSync(
      join(bin, "dfx"),
      `#!/bin/sh\necho "$@" >> ${calls}\ncase "$*" in *"canister id"*) echo bkyz2-fmaaa-aaaaa-qaaaq-cai;; *setLedgerAllowed*) echo "(variant { Ok })";; esac\n`,
    );
    chmodSync(join(bin, "dfx"), 0o755);
    const server = createServer((_req, res) => res.end("ok"));
    const port = await freePort();
    await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
    try {
      const r = await runDeployAsync([bin], {
        ICP_URL: `http://127.0.0.1:${port}`,
        ICP_LEDGERS: "ryjl3-tyaaa-aaaaa-aaaba-cai",
      });
      expect(r.status, r.stderr).to.equal(0);
      expect(r.stdout).to.match(/dfx canister stop adjudicator/);
    } finally {
      server.close();
    }
    const seen = readFileSync(calls, "utf8")
      .trim()
      .split("\n")
      .map(
        (l) =>
          l.split(" ").slice(0, 2).join(" ") + (l.includes("--mode") ? ` ${l.split("--mode ")[1].split(" ")[0]}` : ""),
      );
    expect(seen.filter((l) => !l.startsWith("canister id"))).to.deep.equal([
      "canister stop",
      "canister install upgrade",
      "canister start",
      "canister call",
    ]);
    expect(readFileSync(calls, "utf8")).to.match(/setLedgerAllowed \(principal "ryjl3-tyaaa-aaaaa-aaaba-cai", true\)/);
  });
});
