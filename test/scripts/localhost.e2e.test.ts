/**
 * The README's local walk-through, for real: start `hardhat node` on a free 127.0.0.1 port,
 * run `npm start`'s script against it (HARDHAT_NETWORK=localhost: the EVM part of the
 * three-chain story deploys a PDT token there and exercises revert decoding over HTTP), deploy
 * with that token through the deploy script, check the record against the node, refuse a token
 * address without code on that chain, and stop the node.
 */
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { freePort } from "./support/freePort";
import { join, resolve } from "node:path";
import { useTempDirs } from "./support/tempDir";
import { underCoverage } from "./support/underCoverage";
import { startHardhatNode } from "../support/hardhatNode";
import type { HardhatNode } from "../support/hardhatNode";
import { JsonRpcProvider } from "ethers";

const ROOT = resolve(__dirname, "..", "..");
const HARDHAT = join(ROOT, "node_modules", "hardhat", "internal", "cli", "bootstrap.js");
const TS_NODE = join(ROOT, "node_modules", "ts-node", "dist", "bin.js");

function run(script: string, env: Record<string, string>) {
  return spawn([HARDHAT, "run", script, "--network", "localhost"], env, 120_000);
}

/** What `npm start -- <args>` runs, with the EVM on the node. */
function npmStart(args: string[], env: Record<string, string>) {
  return spawn(
    [TS_NODE, "--transpile-only", "scripts/demo.ts", ...args],
    { HARDHAT_NETWORK: "localhost", ...env },
    600_000,
  );
}

function spawn(args: string[], env: Record<string, string>, timeout: number) {
  const r = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: "utf8",
    timeout,
    env: { ...process.env, HARDHAT_DISABLE_TELEMETRY_PROMPT: "true", ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The environment assignments before `npx hardhat run scripts/deploy-evm.ts` on the README's ERC-20 deploy line. */
function readmeErc20DeployEnv(): Record<string, string> {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const line = readme
    .split("\n")
    .find(
      (l) =>
        /^(\w+=\S+ )+npx hardhat run scripts\/deploy-evm\.ts --network localhost$/.test(l) &&
        l.includes("ERC20_TOKENS=0x9f"),
    );
  if (!line) throw new Error("README.md has no ERC-20 deploy line in the walk-through");
  const env: Record<string, string> = {};
  for (const m of line.matchAll(/(\w+)=(\S+) /g)) env[m[1]] = m[2];
  return env;
}

describe("scripts: localhost walk-through (hardhat node + --network localhost)", function () {
  this.timeout(900_000);
  const tempDir = useTempDirs("perun-localhost-");
  let node: HardhatNode | undefined;
  let url: string;

  before(async function () {
    // A child `hardhat run` would recompile over coverage's instrumented artifacts.
    if (underCoverage()) this.skip();
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    node = await startHardhatNode(port);
  });

  after(() => {
    // Only the node this test started, by its own handle.
    node?.stop();
  });

  it("runs the demo, deploys with its token, writes a record that matches the node, refuses a codeless token", async () => {
    // The README's order, in one deployments folder: the plain deploy, the demo, then the ERC-20
    // deploy with the README's own environment (its first record exists by then).
    const dir = tempDir();
    const first = run("scripts/deploy-evm.ts", { EVM_RPC_URL: url, DEPLOYMENTS_DIR: dir });
    expect(first.status, first.stderr).to.equal(0);
    const demo = npmStart(["--updates", "1"], { EVM_RPC_URL: url });
    expect(demo.status, demo.stderr).to.equal(0);
    expect(demo.stdout).to.include('EVM: Hardhat network "localhost"');
    expect(demo.stdout).to.include("✓ EVM: Bob re-registering version 0: rejected with DisputeStaleVersion");
    const token = /deployed the demo ERC-20 "PDT" at (0x[0-9a-fA-F]{40})/.exec(demo.stdout)?.[1];
    expect(token, "demo output names the PDT address").to.be.a("string");

    const readmeEnv = readmeErc20DeployEnv();
    expect(readmeEnv.ERC20_TOKENS, "the README's ERC-20 deploy names a token").to.match(/^0x[0-9a-fA-F]{40}$/);
    const deploy = run("scripts/deploy-evm.ts", {
      ...readmeEnv,
      ERC20_TOKENS: token!,
      EVM_RPC_URL: url,
      DEPLOYMENTS_DIR: dir,
    });
    expect(deploy.status, deploy.stdout + deploy.stderr).to.equal(0);
    expect(readdirSync(dir).filter((f) => /^localhost-31337\.replaced-.*\.json$/.test(f))).to.have.length(1);
    expect(deploy.stdout).to.include(`deploy-evm: checking RPC of network localhost (${url})`);
    expect(deploy.stdout).to.include("deploy-evm: deployer from node account #0");
    const record = JSON.parse(readFileSync(join(dir, "localhost-31337.json"), "utf8"));
    expect(record.network).to.equal("localhost");
    expect(record.chainId).to.equal(31337);
    expect(record.contracts.AssetHolderERC20[0]).to.include({ token, symbol: "PDT", decimals: 18 });

    const provider = new JsonRpcProvider(url, undefined, { staticNetwork: true });
    try {
      for (const c of [
        record.contracts.Adjudicator,
        record.contracts.AssetHolderETH,
        ...record.contracts.AssetHolderERC20,
      ]) {
        const receipt = await provider.getTransactionReceipt(c.txHash);
        expect(receipt?.contractAddress).to.equal(c.address);
        expect(await provider.getCode(c.address)).to.not.equal("0x");
      }
    } finally {
      provider.destroy();
    }

    // Same folder: the existing record may be kept aside (DEPLOY_EXISTING_RECORD=keep), but the
    // codeless token is refused before any transaction, so nothing is moved or written.
    const before = readFileSync(join(dir, "localhost-31337.json"), "utf8");
    const filesBefore = readdirSync(dir).sort();
    const refused = run("scripts/deploy-evm.ts", {
      EVM_RPC_URL: url,
      ERC20_TOKENS: "0x000000000000000000000000000000000000bEEF",
      DEPLOYMENTS_DIR: dir,
      DEPLOY_EXISTING_RECORD: "keep",
    });
    expect(refused.status).to.equal(2);
    expect(refused.stderr).to.include(
      "deploy-evm: refused: token 0x000000000000000000000000000000000000bEEF has no contract code on chain 31337",
    );
    expect(readdirSync(dir).sort()).to.deep.equal(filesBefore);
    expect(readFileSync(join(dir, "localhost-31337.json"), "utf8")).to.equal(before);
  });
});
