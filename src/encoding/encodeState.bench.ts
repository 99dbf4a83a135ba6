import { encodeState } from "./encodeState";
import { type BenchPair, STATE_2P_1A, STATE_4P_3A_SUB, STATE_TYPE, coder } from "./fixtures.bench";

/**
 * Encoding alone, without keccak: shows the encoder's own speed, which the encode+hash rows
 * hide because keccak256 of ~1 KB dominates them. Informational, no goal.
 */
export const benchmarks: BenchPair[] = [
  {
    name: "encode only 2-party/1-asset state",
    ours: () => encodeState(STATE_2P_1A),
    ethers: () => coder.encode([STATE_TYPE], [STATE_2P_1A]),
  },
  {
    name: "encode only 4-party/3-asset state + sub-alloc",
    ours: () => encodeState(STATE_4P_3A_SUB),
    ethers: () => coder.encode([STATE_TYPE], [STATE_4P_3A_SUB]),
  },
];
