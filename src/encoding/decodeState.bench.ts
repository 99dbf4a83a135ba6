import { decodeState } from "./decodeState";
import { encodeState } from "./encodeState";
import { type BenchPair, STATE_2P_1A, STATE_4P_3A_SUB, STATE_TYPE, coder } from "./fixtures.bench";

const SMALL = encodeState(STATE_2P_1A);
const LARGE = encodeState(STATE_4P_3A_SUB);

/** Strict decode vs ethers' (lenient) AbiCoder.decode of the same bytes. Goal 3x ethers. */
export const benchmarks: BenchPair[] = [
  {
    name: "decode 2-party/1-asset state",
    ours: () => decodeState(SMALL),
    ethers: () => coder.decode([STATE_TYPE], SMALL),
    goal: 3,
  },
  {
    name: "decode 4-party/3-asset state + sub-alloc",
    ours: () => decodeState(LARGE),
    ethers: () => coder.decode([STATE_TYPE], LARGE),
    goal: 3,
  },
];
