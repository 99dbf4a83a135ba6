import { EXIT } from "../../src/ckb/exitCodes";
import { BACKEND_CKB } from "../../src/encoding/backends";
import type { State } from "../../src/encoding/types";
import { hexBytes } from "../common/chain";
import { fail } from "./context";

/** How this chain treats asset i of an outcome. */
export const ASSET_IGNORED = 0;
export const ASSET_CKBYTES = 1;
export const ASSET_UDT = 2;

export interface AssetKinds {
  kinds: number[];
  /** UDT type-script hash per asset (null unless ASSET_UDT). */
  udt: (Uint8Array | null)[];
  /** Index of the CKBytes asset or -1. */
  ckb: number;
}

const ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";

/**
 * Classifies the outcome's assets (DESIGN.md §2 "Assets across chains"): backend 3 assets
 * are this chain's — chainID 3, ethHolder 0, ccHolder empty (CKBytes) or a 32-byte UDT
 * type hash; every other backend is ignored here. Shapes must match `n` participants and
 * there are no sub-allocations on CKB. Fails with BAD_OUTCOME otherwise (checked at open; the
 * later states must keep the same assets, see sameOutcomeShape).
 */
export function assetKinds(state: State, n: number): AssetKinds {
  const o = state.outcome;
  if (o.backends.length !== o.assets.length || o.balances.length !== o.assets.length || o.locked.length !== 0) {
    return fail(EXIT.BAD_OUTCOME);
  }
  const kinds: number[] = [];
  const udt: (Uint8Array | null)[] = [];
  let ckb = -1;
  for (let a = 0; a < o.assets.length; a++) {
    if (o.balances[a].length !== n) fail(EXIT.BAD_OUTCOME);
    if (o.backends[a] !== BACKEND_CKB) {
      kinds.push(ASSET_IGNORED);
      udt.push(null);
      continue;
    }
    const asset = o.assets[a];
    if (asset.chainID !== BACKEND_CKB || asset.ethHolder !== ZERO_ADDRESS) fail(EXIT.BAD_OUTCOME);
    if (asset.ccHolder === "0x") {
      if (ckb !== -1) fail(EXIT.BAD_OUTCOME);
      ckb = a;
      kinds.push(ASSET_CKBYTES);
      udt.push(null);
    } else {
      if (asset.ccHolder.length !== 66) fail(EXIT.BAD_OUTCOME);
      for (let k = 0; k < a; k++)
        if (kinds[k] === ASSET_UDT && o.assets[k].ccHolder === asset.ccHolder) fail(EXIT.BAD_OUTCOME);
      kinds.push(ASSET_UDT);
      udt.push(hexBytes(asset.ccHolder));
    }
  }
  return { kinds, udt, ckb };
}

/**
 * A replacing state must keep the channel's assets, backends and shapes, have no
 * sub-allocations, and keep every CKB asset's total: nobody can be paid more than was
 * deposited (protects every participant's deposit from a state that "creates" money, which
 * the payout check alone would not notice), and nothing deposited can vanish.
 */
export function sameOutcomeShape(old: State, next: State, kinds: AssetKinds): void {
  const a0 = old.outcome;
  const a1 = next.outcome;
  if (a1.assets.length !== a0.assets.length || a1.backends.length !== a0.backends.length) fail(EXIT.OUTCOME_CHANGED);
  if (a1.balances.length !== a0.balances.length || a1.locked.length !== 0) fail(EXIT.OUTCOME_CHANGED);
  for (let a = 0; a < a0.assets.length; a++) {
    const x = a0.assets[a];
    const y = a1.assets[a];
    if (x.chainID !== y.chainID || x.ethHolder !== y.ethHolder || x.ccHolder !== y.ccHolder) fail(EXIT.OUTCOME_CHANGED);
    if (a0.backends[a] !== a1.backends[a]) fail(EXIT.OUTCOME_CHANGED);
    if (a1.balances[a].length !== a0.balances[a].length) fail(EXIT.OUTCOME_CHANGED);
    if (kinds.kinds[a] === ASSET_IGNORED) continue;
    let s0 = 0n;
    let s1 = 0n;
    for (let i = 0; i < a0.balances[a].length; i++) {
      s0 += a0.balances[a][i];
      s1 += a1.balances[a][i];
    }
    if (s0 !== s1) fail(EXIT.OUTCOME_CHANGED);
  }
}
