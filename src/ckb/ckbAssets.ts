import { BACKEND_CKB } from "../index";
import type { State } from "../index";

/** This chain's view of a state's assets: which index is CKBytes, which are UDTs (type hash). */
export interface CkbAssets {
  /** Index of the CKBytes asset, or -1. */
  ckb: number;
  /** asset index → UDT type-script hash, for UDT assets. */
  udts: Map<number, string>;
}

/** Assets with backend 3 are CKB's: empty ccHolder = CKBytes, 32-byte ccHolder = a UDT type hash. */
export function ckbAssets(state: State): CkbAssets {
  let ckb = -1;
  const udts = new Map<number, string>();
  state.outcome.assets.forEach((a, i) => {
    if (state.outcome.backends[i] !== BACKEND_CKB) return;
    if (a.ccHolder === "0x") ckb = i;
    else udts.set(i, a.ccHolder.toLowerCase());
  });
  return { ckb, udts };
}
