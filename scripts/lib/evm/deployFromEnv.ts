/**
 * What `scripts/deploy-evm.ts` does, as an importable function: read and validate the
 * environment, check the RPC, check where the record goes, pick the deployer, deploy, write
 * `deployments/<network>-<chainId>.json`.
 * Tests call it with their own environment object on the in-process network.
 */
import { Wallet } from "ethers";
import type { Signer } from "ethers";
import type { HardhatRuntimeEnvironment } from "hardhat/types";
import type { Hex } from "../../../src";
import { DeployerKeyMissingError, RpcUrlMissingError } from "../scriptErrors";
import { assertRpcReachable } from "./assertRpcReachable";
import { deployEvm } from "./deployEvm";
import type { EvmDeployment } from "./deployEvm";
import { planDeploymentRecord, writeDeploymentRecord } from "./deploymentRecord";
import { readDeployEnv } from "./readDeployEnv";

/** Result of `deployFromEnv`. */
export interface DeployFromEnvResult {
  deployment: EvmDeployment;
  /** Path of the written deployment record. */
  recordPath: string;
  /** Where the deployer came from, for the progress output. */
  deployerSource: "DEPLOYER_PRIVATE_KEY" | "node account #0";
}

/**
 * Deploys to `hre.network` as configured by `env` (see `readDeployEnv` for the variables).
 * @throws a `ScriptError` subclass for every refusal; see scripts/lib/scriptErrors.ts.
 */
export async function deployFromEnv(
  hre: HardhatRuntimeEnvironment,
  env: Record<string, string | undefined>,
  log: (line: string) => void,
): Promise<DeployFromEnvResult> {
  const config = readDeployEnv(env);
  const network = hre.network.name;
  const url = "url" in hre.network.config ? hre.network.config.url : "in-process Hardhat network";
  if (url.trim() === "") throw new RpcUrlMissingError(network);
  log(`checking RPC of network ${network} (${url})`);
  const chainId = await assertRpcReachable(hre.network.provider, network, url);
  // Before the first transaction: where the record goes, and that it can be written there.
  const plan = planDeploymentRecord(config.deploymentsDir, network, chainId, config.existingRecord);
  if (plan.keepOldAs) log(`an existing ${plan.path} will be kept as ${plan.keepOldAs}`);

  const { signer, source } = await resolveDeployer(hre, config.deployerKey);
  const deployment = await deployEvm({
    signer,
    artifacts: hre.artifacts,
    networkName: network,
    tokens: config.tokens,
    log,
  });
  const recordPath = writeDeploymentRecord(plan, deployment.record);
  log(`wrote ${recordPath}`);
  return { deployment, recordPath, deployerSource: source };
}

/**
 * The deployer: DEPLOYER_PRIVATE_KEY when given, else the network's first account (Hardhat's
 * configured accounts in-process, the node's unlocked accounts over HTTP). Public nodes have
 * no unlocked accounts, so there the key is required.
 */
async function resolveDeployer(
  hre: HardhatRuntimeEnvironment,
  key: Hex | undefined,
): Promise<{ signer: Signer; source: DeployFromEnvResult["deployerSource"] }> {
  if (key !== undefined) return { signer: new Wallet(key, hre.ethers.provider), source: "DEPLOYER_PRIVATE_KEY" };
  let signers: Signer[] = [];
  try {
    signers = await hre.ethers.getSigners();
  } catch {
    // Nodes that do not implement eth_accounts have no unlocked accounts either.
  }
  if (signers.length === 0) throw new DeployerKeyMissingError(hre.network.name);
  return { signer: signers[0], source: "node account #0" };
}
