import type { Hex, State } from "./types";
import { encodeState } from "./encodeState";
import { signData } from "./signData";

/** A participant's signature on a state: {@link signData} over `abi.encode(state)`. */
export function signState(state: State, privateKey: Hex | Uint8Array): Hex {
  return signData(encodeState(state), privateKey);
}
