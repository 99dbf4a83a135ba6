/**
 * What the go-perun interop test runs against: a `hardhat node` on a free loopback port, a test
 * ERC-20 (TestToken), our contracts deployed by OUR deploy script (scripts/deploy-evm.ts,
 * `--network localhost`, exactly as the README tells operators), and two fresh accounts (Alice,
 * Bob) holding ETH and tokens. The node mines a reverting transaction with status 0 like a real
 * chain (hardhatNodeConfig.ts). `stop()` stops only the node this started and removes its folder.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { JsonRpcProvider, Wallet, parseEther, toBeHex } from "ethers";
import { TestToken__factory } from "../../../typechain/evm";
import { startHardhatNode } from "../../support/hardhatNode";
import type { HardhatNode } from "../../support/hardhatNode";
import { freePort } from "../../scripts/support/freePort";

const ROOT = resolve(__dirname, "..", "..", "..");
const HARDHAT = join(ROOT, "node_modules", "hardhat", "internal", "cli", "bootstrap.js");

/** Each party's starting ETH and tokens (18 decimals). */
const ETH_PER_PARTY = parseEther("100");
const TOKENS_PER_PARTY = parseEther("10000");

/** A running environment and the GOPERUN_* variables the Go tests read. */
export interface GoPerunEnvironment {
  node: HardhatNode;
  /** http:// URL (ethers, the deploy script). */
  httpUrl: string;
  /** ws:// URL (go-perun subscribes to events and heads). */
  wsUrl: string;
  deploymentPath: string;
  token: string;
  alice: string;
  bob: string;
  /** Folder where the Go tests write their JSON exports. */
  outDir: string;
  env: Record<string, string>;
  stop(): void;
}

/** Starts the node, deploys and funds; `log` gets one line per step. */
export async function startGoPerunEnvironment(log: (line: string) => void): Promise<GoPerunEnvironment> {
  const port = await freePort();
  // Reverting transactions are mined with status 0, as on real chains (see hardhatNodeConfig.ts).
  const node = await startHardhatNode(port, ["--config", join(__dirname, "hardhatNodeConfig.ts")]);
  const dir = mkdtempSync(join(tmpdir(), "perun-go-perun-"));
  const stop = (): void => {
    node.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const httpUrl = node.url;
    const wsUrl = httpUrl.replace(/^http/, "ws");
    log(`node: hardhat node on ${httpUrl} (WebSocket ${wsUrl})`);

    const provider = new JsonRpcProvider(httpUrl, undefined, { staticNetwork: true, cacheTimeout: -1 });
    let token: string;
    const alice = Wallet.createRandom();
    const bob = Wallet.createRandom();
    try {
      for (const w of [alice, bob]) await provider.send("hardhat_setBalance", [w.address, toBeHex(ETH_PER_PARTY)]);
      const deployer = await provider.getSigner(0);
      const t = await new TestToken__factory(deployer).deploy(
        "go-perun interop token",
        "GPT",
        [alice.address, bob.address],
        TOKENS_PER_PARTY,
      );
      await t.waitForDeployment();
      token = await t.getAddress();
    } finally {
      provider.destroy();
    }
    log(
      `token: TestToken "GPT" at ${token}; Alice ${alice.address} and Bob ${bob.address} hold 100 ETH and 10,000 GPT`,
    );

    const deployments = join(dir, "deployments");
    const deploy = spawnSync(process.execPath, [HARDHAT, "run", "scripts/deploy-evm.ts", "--network", "localhost"], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 300_000,
      env: {
        ...process.env,
        HARDHAT_DISABLE_TELEMETRY_PROMPT: "true",
        EVM_RPC_URL: httpUrl,
        ERC20_TOKENS: token,
        DEPLOYMENTS_DIR: deployments,
      },
    });
    if (deploy.status !== 0) {
      throw new Error(`npm run deploy:evm failed (status ${deploy.status}):\n${deploy.stdout}\n${deploy.stderr}`);
    }
    for (const line of deploy.stdout.split("\n")) {
      if (/deploy-evm: (Adjudicator|AssetHolder)/.test(line)) log(`deploy: ${line.replace(/^deploy-evm: /, "")}`);
    }
    const deploymentPath = join(deployments, "localhost-31337.json");
    JSON.parse(readFileSync(deploymentPath, "utf8")); // present and well-formed

    const outDir = join(dir, "out");
    mkdirSync(outDir);
    return {
      node,
      httpUrl,
      wsUrl,
      deploymentPath,
      token,
      alice: alice.address,
      bob: bob.address,
      outDir,
      env: {
        GOPERUN_RPC_URL: wsUrl,
        GOPERUN_DEPLOYMENT: deploymentPath,
        GOPERUN_KEYS: `${alice.privateKey},${bob.privateKey}`,
        GOPERUN_OUT: outDir,
        GOPERUN_ARTIFACTS: join(ROOT, "artifacts", "contracts"),
      },
      stop,
    };
  } catch (e) {
    stop();
    throw e;
  }
}
