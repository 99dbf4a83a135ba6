import * as b from "@ckb-js-std/bindings";
import { EXIT } from "../../src/ckb/exitCodes";
import type { State } from "../../src/encoding/types";
import { cellField } from "../common/chain";
import { bytesEqual } from "../common/molecule";
import { ASSET_UDT, type AssetKinds } from "./assets";
import { capacity, udtAmount, udtAsset } from "./cells";
import { type Channel, type Status, fail } from "./context";

/**
 * The closing transaction's outputs pay every participant what it is owed, summed over the
 * outputs whose lock hash is its ccAddress and that carry no type script or one of the
 * channel's UDT types:
 * - capacity ≥ its extras (capacity it deposited beyond its CKByte balance) + its CKByte
 *   balance in `state` (+ the channel cell's capacity for participant 0, who opened it);
 * - for every UDT, amount ≥ its balance.
 * `funded` selects who is owed anything (abort refunds only those who funded). Who pays the
 * fee: whoever submits, from its own extra input; nobody's balance pays it implicitly.
 */
export function checkPayouts(
  channel: Channel,
  status: Status,
  state: State,
  kinds: AssetKinds,
  onlyFunded: boolean,
): void {
  const n = channel.n;
  const cap: bigint[] = [];
  const udt: bigint[][] = [];
  for (let i = 0; i < n; i++) cap.push(0n);
  for (let a = 0; a < kinds.kinds.length; a++) {
    const row: bigint[] = [];
    for (let i = 0; i < n; i++) row.push(0n);
    udt.push(row);
  }
  for (let j = 0; ; j++) {
    const lockHash = cellField(j, b.SOURCE_OUTPUT, b.CELL_FIELD_LOCK_HASH);
    if (lockHash === null) break;
    let p = -1;
    for (let i = 0; i < n; i++) if (bytesEqual(lockHash, channel.cc[i])) p = i;
    if (p < 0) continue;
    const typeHash = cellField(j, b.SOURCE_OUTPUT, b.CELL_FIELD_TYPE_HASH);
    if (typeHash === null) {
      cap[p] += capacity(j, b.SOURCE_OUTPUT);
      continue;
    }
    // Only plain cells and the channel's own UDT cells count: capacity under any other type
    // script (e.g. one that never lets the cell be spent) is not a payout (protects each
    // participant from being "paid" into a cell it cannot spend).
    const a = udtAsset(kinds, typeHash);
    if (a < 0) continue;
    cap[p] += capacity(j, b.SOURCE_OUTPUT);
    const amount = udtAmount(j, b.SOURCE_OUTPUT);
    if (amount !== null) udt[a][p] += amount;
  }
  const channelCap = capacity(0, b.SOURCE_GROUP_INPUT);
  const bal = state.outcome.balances;
  for (let i = 0; i < n; i++) {
    const owed = !onlyFunded || status.funded[i] === 1;
    let wantCap = i === 0 ? channelCap : 0n;
    if (owed) wantCap += status.extras[i] + (kinds.ckb >= 0 ? bal[kinds.ckb][i] : 0n);
    if (cap[i] < wantCap) fail(EXIT.PAYOUT_CKB_TOO_LOW);
    for (let a = 0; a < kinds.kinds.length; a++) {
      if (kinds.kinds[a] === ASSET_UDT && owed && udt[a][i] < bal[a][i]) fail(EXIT.PAYOUT_UDT_TOO_LOW);
    }
  }
}
