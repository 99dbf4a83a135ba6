/**
 * scripts/deploy-evm.ts as an operator runs it (`npx hardhat run …` in a child process): the
 * exit status (0 deployed, 2 refused before sending) and the message on stderr. The refused
 * connection is real: a port on 127.0.0.1 that nothing listens on. Every other refusal is
 * tested in-process (deployFromEnv.test.ts); a node-backed run is in localhost.e2e.test.ts.
 */
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { freePort } from "./support/freePort";
import { join, resolve } from "node:path";
import { useTempDirs } from "./support/tempDir";
import { underCoverage } from "./support/underCoverage";

const ROOT = resolve(__dirname, "..", "..");
const HARDHAT = join(ROOT, "node_modules", ".bin", "hardhat");

function runDeploy(args: string[], env: Record<string, string>) {
  const r = spawnSync(HARDHAT, ["run", "scripts/deploy-evm.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 90_000,
    env: { ...process.env, HARDHAT_DISABLE_TELEMETRY_PROMPT: "true", ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("scripts: deploy-evm CLI", function () {
  this.timeout(180_000);
  const tempDir = useTempDirs("perun-cli-");

  before(function () {
    // A child `hardhat run` would recompile over coverage's instrumented artifacts.
    if (underCoverage()) this.skip();
  });

  it("deploys on the in-process network, prints progress, writes the record, exits 0", () => {
    const dir = tempDir();
    const r = runDeploy([], { DEPLOYMENTS_DIR: dir });
    expect(r.status, r.stderr).to.equal(0);
    const record = JSON.parse(readFileSync(join(dir, "hardhat-31337.json"), "utf8"));
    expect(r.stdout).to.include(`Adjudicator: sent ${record.contracts.Adjudicator.txHash}`);
    expect(r.stdout).to.include(`Adjudicator: deployed at ${record.contracts.Adjudicator.address}`);
    expect(r.stdout).to.include(`wrote ${join(dir, "hardhat-31337.json")}`);
  });

  it("refuses an unreachable RPC with exit status 2", async () => {
    const port = await freePort();
    const r = runDeploy(["--network", "localhost"], { EVM_RPC_URL: `http://127.0.0.1:${port}` });
    expect(r.status).to.equal(2);
    expect(r.stderr).to.include(
      `deploy-evm: refused: cannot reach the RPC of network "localhost" at http://127.0.0.1:${port}`,
    );
  });
});
