/**
 * Regenerates typechain/icp from the committed canisters/adjudicator/adjudicator.did
 * (npm run codegen:icp). Run `npm run build:icp` first when the canister's interface changed.
 */
import { generateBindings } from "./lib/icp/generateBindings";

console.log(`wrote ${generateBindings()}`);
