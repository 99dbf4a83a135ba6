/**
 * Builds the ICP adjudicator canister (.azle/adjudicator/adjudicator.wasm) and copies the
 * generated Candid interface to canisters/adjudicator/adjudicator.did (committed; the source
 * of typechain/icp). Usage: npm run build:icp [-- --force]
 */
import { statSync } from "node:fs";
import { buildCanister, commitDid, COMMITTED_DID_PATH } from "./lib/icp/buildCanister";

const r = buildCanister({ force: process.argv.includes("--force"), log: console.log });
commitDid();
console.log(`${r.rebuilt ? "built" : "up to date"}: ${r.wasmPath} (${statSync(r.wasmPath).size} bytes) in ${r.ms} ms`);
console.log(`candid: ${COMMITTED_DID_PATH}`);
