/**
 * The Hardhat config of the go-perun interop node (`hardhat --config <this file> node`): the
 * repository's config, except that a reverting transaction is mined with status 0 and its hash
 * returned, as on every real chain, instead of Hardhat's default of answering the send with an
 * error. go-perun relies on the real-chain behaviour: when both parties conclude at once, the
 * second conclude reverts and go-perun waits for the first one's event (perun-eth-backend
 * channel/conclude.go `conclude`: "Calling conclude(Final) failed, waiting for event anyways");
 * an error at send time instead makes its Settle fail.
 *
 * mocha loads this file too (it loads every .ts under test/); it only builds an object then.
 */
import { resolve } from "node:path";
import type { HardhatUserConfig } from "hardhat/config";
import base from "../../../hardhat.config";

const config: HardhatUserConfig = {
  ...base,
  paths: { ...base.paths, root: resolve(__dirname, "..", "..", "..") },
  networks: {
    ...base.networks,
    hardhat: { ...base.networks?.hardhat, throwOnTransactionFailures: false },
  },
};

export default config;
