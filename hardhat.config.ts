import type { HardhatUserConfig } from "hardhat/config";
import { subtask } from "hardhat/config";
import { TASK_COMPILE_SOLIDITY_GET_SOLC_BUILD } from "hardhat/builtin-tasks/task-names";
import "@nomicfoundation/hardhat-toolbox";

/**
 * The compiler is the soljson.js shipped by the `solc` npm package, pinned exactly in
 * package.json, so compiling never needs the solc download server. Any other version
 * falls through to Hardhat's downloader, which fails loudly offline.
 */
const SOLC_VERSION = "0.8.30";

subtask(TASK_COMPILE_SOLIDITY_GET_SOLC_BUILD).setAction(
  async ({ solcVersion }: { solcVersion: string }, _hre, runSuper) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const installed: string = require("solc/package.json").version;
    if (solcVersion !== installed) return runSuper();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const longVersion: string = require("solc")
      .version()
      .replace(/\.Emscripten\.clang$/, "");
    return { compilerPath: require.resolve("solc/soljson.js"), isSolcJs: true, version: solcVersion, longVersion };
  },
);

const config: HardhatUserConfig = {
  solidity: {
    version: SOLC_VERSION,
    settings: {
      optimizer: { enabled: true, runs: 200 },
      evmVersion: "prague",
    },
  },
  paths: { tests: "./test" },
  typechain: { outDir: "typechain/evm", target: "ethers-v6" },
  mocha: {
    // Prints mocha's spec output and a closing "N passed, N failed" line that CI reads.
    reporter: "./test/support/totals-reporter.js",
    timeout: 120_000,
  },
  gasReporter: {
    enabled: process.env.REPORT_GAS === "1",
    offline: true,
    noColors: true,
  },
  networks: {
    hardhat: {},
    localhost: { url: process.env.EVM_RPC_URL ?? "http://127.0.0.1:8545" },
    // Any EVM node, for scripts/deploy-evm.ts. The script reads DEPLOYER_PRIVATE_KEY itself (not
    // `accounts` here), so a malformed key gets its own clear error instead of breaking config
    // loading for every Hardhat command; an empty URL is refused by the script with a hint.
    evm: { url: process.env.EVM_RPC_URL ?? "" },
  },
};

export default config;
