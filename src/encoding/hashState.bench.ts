import { hashState } from "./hashState";
import { type BenchPair, STATE_2P_1A, STATE_4P_3A_SUB, STATE_TYPE, coder, keccak256 } from "./fixtures.bench";

/** encode + keccak256 of a state: the hot path of every signature check. Goal 10x ethers. */
export const benchmarks: BenchPair[] = [
  {
    name: "encode+hash 2-party/1-asset state",
    ours: () => hashState(STATE_2P_1A),
    ethers: () => keccak256(coder.encode([STATE_TYPE], [STATE_2P_1A])),
    goal: 10,
  },
  {
    name: "encode+hash 4-party/3-asset state + sub-alloc",
    ours: () => hashState(STATE_4P_3A_SUB),
    ethers: () => keccak256(coder.encode([STATE_TYPE], [STATE_4P_3A_SUB])),
    goal: 10,
  },
];
