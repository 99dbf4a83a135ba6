import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, writeFileSync } from "node:fs";
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
});
