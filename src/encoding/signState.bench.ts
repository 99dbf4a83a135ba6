import { signState } from "./signState";
import {
  type BenchPair,
  KEY,
  STATE_2P_1A,
  STATE_TYPE,
  coder,
  getBytes,
  hashMessage,
  keccak256,
  signingKey,
} from "./fixtures.bench";

/** Sign a state: encode, eth_sign digest, RFC 6979 ECDSA. Both sides use @noble underneath. */
export const benchmarks: BenchPair[] = [
  {
    name: "sign 2-party/1-asset state",
    ours: () => signState(STATE_2P_1A, KEY),
    ethers: () =>
      signingKey.sign(hashMessage(getBytes(keccak256(coder.encode([STATE_TYPE], [STATE_2P_1A]))))).serialized,
  },
];
