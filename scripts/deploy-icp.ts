/**
 * Builds the ICP adjudicator canister and deploys it with dfx.
 *
 *   npm run deploy:icp                                 # local replica (dfx start --background)
 *   ICP_NETWORK=ic npm run deploy:icp                  # mainnet (dfx identity with cycles)
 *   ICP_NETWORK=local ICP_URL=http://127.0.0.1:8080 npm run deploy:icp
 *   ICP_LEDGERS=ryjl3-tyaaa-aaaaa-aaaba-cai npm run deploy:icp   # list ICRC ledgers (controller)
 *
 * Every deployment stops the canister (the IC waits for outstanding ledger calls), installs
 * (upgrade mode when it exists) and starts it again: an upgrade of a running canister would
 * run outstanding callbacks against the new code and lose in-flight debits.
 *
 * Exit status: 0 deployed; 2 refused before deploying (no dfx on PATH, network unreachable —
 * the wasm and .did are built anyway); 1 failed.
 */
import { deployIcp, DeployRefused, readIcpDeployEnv } from "./lib/icp/deployIcp";

async function main(): Promise<void> {
  const log = (line: string): void => console.log(`deploy-icp: ${line}`);
  try {
    await deployIcp(readIcpDeployEnv(process.env), log);
  } catch (e) {
    if (e instanceof DeployRefused) {
      console.error(`deploy-icp: refused: ${e.message}`);
      process.exitCode = 2;
    } else {
      console.error("deploy-icp: FAILED:", e);
      process.exitCode = 1;
    }
  }
}

void main();
