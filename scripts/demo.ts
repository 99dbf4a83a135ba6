/**
 * `npm start` (ts-node scripts/demo.ts [options]; `npm start -- --help`): ONE Perun channel
 * whose outcome holds assets on three chains — ETH and an ERC-20 on Hardhat's in-process EVM,
 * an ICRC token on the adjudicator canister (real wasm in the test host), CKBytes and a UDT on
 * the CKB scripts (CKB VM) — opened and funded on all three, updated off-chain with one
 * signature per participant per state, then settled by one final state everywhere, and a
 * second channel settled by dispute. Prints progress, cost tables per chain and per phase,
 * and exits non-zero on any failure (2 on a bad option).
 *
 * Hardhat is loaded in-process (`require("hardhat")`), so options reach this script; the EVM
 * network is Hardhat's in-process one unless HARDHAT_NETWORK says otherwise (e.g. localhost
 * with EVM_RPC_URL). `hardhat run scripts/demo.ts` also works, with the default options.
 */
import { runDemoCli } from "./demo/cli";

// ckb-testtool loads node:wasi, whose ExperimentalWarning is noise here (the CKB VM runs in a worker
// thread or child processes); every other warning is printed as Node would.
process.removeAllListeners("warning");
process.on("warning", (w) => {
  if (!(w.name === "ExperimentalWarning" && /WASI/.test(w.message))) console.error(`(node) ${w.name}: ${w.message}`);
});

// A run that ends because nothing keeps the event loop alive any more, before the story
// finished, must not pass for a success.
let finished = false;
process.on("exit", (code) => {
  if (!finished && code === 0) {
    console.error("npm start: FAILED: the process was about to exit before the story finished");
    process.exitCode = 1;
  }
});

runDemoCli(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  loadHre: async () => {
    const hre = (await import("hardhat")).default;
    await hre.run("compile", { quiet: true });
    return hre;
  },
})
  .then((status) => {
    finished = true;
    process.exitCode = status;
  })
  .catch((e: unknown) => {
    finished = true;
    console.error("npm start: FAILED with an unexpected error:", e);
    process.exitCode = 1;
  });
