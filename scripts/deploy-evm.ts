/**
 * Deploys Adjudicator, AssetHolderETH and one AssetHolderERC20 per token to a Hardhat network
 * and writes `deployments/<network>.json`.
 *
 *   npx hardhat run scripts/deploy-evm.ts                       # in-process network
 *   npx hardhat run scripts/deploy-evm.ts --network localhost   # a running `npx hardhat node`
 *   EVM_RPC_URL=https://… DEPLOYER_PRIVATE_KEY=0x… ERC20_TOKENS=0x…,0x… \
 *     npx hardhat run scripts/deploy-evm.ts --network evm
 *
 * `hardhat run` passes no arguments to scripts, so all input comes from environment variables
 * (see scripts/lib/evm/readDeployEnv.ts and the README). Exit status: 0 deployed, 2 refused
 * before sending any transaction, 1 failed after transactions were sent.
 */
import hre from "hardhat";
import { deployFromEnv } from "./lib/evm/deployFromEnv";
import { ScriptError } from "./lib/scriptErrors";

async function main(): Promise<void> {
  const log = (line: string): void => console.log(`deploy-evm: ${line}`);
  try {
    const { deployment, deployerSource } = await deployFromEnv(hre, process.env, log);
    const c = deployment.record.contracts;
    log(`deployer from ${deployerSource}`);
    log(`Adjudicator      ${c.Adjudicator.address}`);
    log(`AssetHolderETH   ${c.AssetHolderETH.address}`);
    for (const h of c.AssetHolderERC20) log(`AssetHolderERC20 ${h.address} for ${h.symbol ?? "token"} ${h.token}`);
    if (hre.network.name === "hardhat") {
      log("note: the in-process network ends with this command; use --network localhost or --network evm to keep it");
    }
  } catch (e) {
    if (e instanceof ScriptError) {
      console.error(`deploy-evm: ${e.refusedBeforeSending ? "refused" : "FAILED"}: ${e.message}`);
      process.exitCode = e.refusedBeforeSending ? 2 : 1;
    } else {
      console.error("deploy-evm: FAILED with an unexpected error:", e);
      process.exitCode = 1;
    }
  }
}

void main();
