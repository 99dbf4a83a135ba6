import { AbiCoder, SigningKey, getBytes, hashMessage, keccak256, recoverAddress } from "ethers";
import type { Address, Hex, State } from "./types";
import { BACKEND_CKB, BACKEND_ETH, BACKEND_ICP } from "./backends";

/**
 * Shared inputs for the *.bench.ts files and the ethers v6 baseline each row is compared
 * with (same run, same inputs). Not part of the published build (tsconfig.build.json
 * excludes *.bench.ts).
 */

/** One side-by-side row of `npm run bench`. */
export interface BenchPair {
  name: string;
  ours: () => unknown;
  ethers: () => unknown;
  /** Required ratio ours/ethers (ops/s), if the row has a goal. */
  goal?: number;
}

export const STATE_TYPE =
  "tuple(bytes32 channelID,uint64 version,tuple(tuple(uint256 chainID,address ethHolder,bytes ccHolder)[] assets,uint256[] backends,uint256[][] balances,tuple(bytes32 ID,uint256[] balances,uint16[] indexMap)[] locked) outcome,bytes appData,bool isFinal)";

export const coder = AbiCoder.defaultAbiCoder();
export const KEY = `0x${"11".repeat(32)}` as Hex;
export const signingKey = new SigningKey(KEY);
export { getBytes, hashMessage, keccak256, recoverAddress };

const addr = (b: string) => `0x${b.repeat(20)}` as Address;
const ZERO = addr("00");

/** 2 parties, 1 asset, realistic (ETH-sized) balances. */
export const STATE_2P_1A: State = {
  channelID: `0x${"5822dd7a".repeat(8)}` as Hex,
  version: 12n,
  outcome: {
    assets: [{ chainID: 1n, ethHolder: addr("ab"), ccHolder: "0x" }],
    backends: [BACKEND_ETH],
    balances: [[1_500_000_000_000_000_000n, 2_500_000_000_000_000_000n]],
    locked: [],
  },
  appData: "0x",
  isFinal: false,
};

/** 4 parties, 3 assets on three backends, one sub-allocation with an index map. */
export const STATE_4P_3A_SUB: State = {
  channelID: `0x${"22bd439b".repeat(8)}` as Hex,
  version: 1234n,
  outcome: {
    assets: [
      { chainID: 1n, ethHolder: addr("ab"), ccHolder: "0x" },
      { chainID: BACKEND_ICP, ethHolder: ZERO, ccHolder: "0x0000000001000101" },
      { chainID: BACKEND_CKB, ethHolder: ZERO, ccHolder: `0x${"5a".repeat(32)}` as Hex },
    ],
    backends: [BACKEND_ETH, BACKEND_ICP, BACKEND_CKB],
    balances: [
      [10n ** 18n, 2n * 10n ** 18n, 3n * 10n ** 18n, 4n * 10n ** 18n],
      [100_000_000n, 200_000_000n, 0n, 5n],
      [61n * 10n ** 8n, 62n * 10n ** 8n, 63n * 10n ** 8n, 64n * 10n ** 8n],
    ],
    locked: [{ ID: `0x${"ee".repeat(32)}` as Hex, balances: [10n ** 17n, 1000n, 42n], indexMap: [0n, 2n] }],
  },
  appData: "0x",
  isFinal: false,
};
