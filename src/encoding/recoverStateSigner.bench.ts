import { recoverStateSigner } from "./recoverStateSigner";
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
  recoverAddress,
} from "./fixtures.bench";

const SIG = signState(STATE_2P_1A, KEY);

/** Recover a state's signer (ours also enforces the signature policy; ethers does not). */
export const benchmarks: BenchPair[] = [
  {
    name: "recover signer of 2-party/1-asset state",
    ours: () => recoverStateSigner(STATE_2P_1A, SIG),
    ethers: () => recoverAddress(hashMessage(getBytes(keccak256(coder.encode([STATE_TYPE], [STATE_2P_1A])))), SIG),
  },
];
