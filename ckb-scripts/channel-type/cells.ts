import * as b from "@ckb-js-std/bindings";
import { EXIT } from "../../src/ckb/exitCodes";
import { cellData, cellField, countCells } from "../common/chain";
import { bytesEqual, tableFields, uintLE } from "../common/molecule";
import { ASSET_UDT, type AssetKinds } from "./assets";
import { type Identity, fail } from "./context";

export function capacity(index: number, source: number): bigint {
  const c = cellField(index, source, b.CELL_FIELD_CAPACITY);
  return c === null ? fail(EXIT.UNEXPECTED) : uintLE(c, 0, 8);
}

/** The UDT asset index whose type hash is `typeHash`, or -1. */
export function udtAsset(kinds: AssetKinds, typeHash: Uint8Array): number {
  for (let a = 0; a < kinds.kinds.length; a++) {
    if (kinds.kinds[a] === ASSET_UDT && bytesEqual(kinds.udt[a]!, typeHash)) return a;
  }
  return -1;
}

/** sUDT/xUDT amount: the first 16 bytes of the data, u128 LE; null when shorter. */
export function udtAmount(index: number, source: number): bigint | null {
  const d = cellData(index, source);
  return d === null || d.length < 16 ? null : uintLE(d, 0, 16);
}

/**
 * Funds cells may be spent only by a transaction that pays the channel out: in every other
 * transaction the only input with channel-lock is the channel cell itself. Protects each
 * depositor from a "fund" or "dispute" transaction that re-counts its funds cells as someone
 * else's deposit or moves them anywhere.
 */
export function noFundsInputs(id: Identity): void {
  let locked = 0;
  for (let i = 0; ; i++) {
    const lock = cellField(i, b.SOURCE_INPUT, b.CELL_FIELD_LOCK);
    if (lock === null) break;
    if (bytesEqual(lock, id.channelLock)) locked++;
  }
  if (locked !== 1) fail(EXIT.FUNDS_SPENT);
}

/**
 * One channel per payout transaction: no other input carries a type script of this code
 * (same code hash, hash type and ckb-js-vm prefix) with other args. Otherwise two channels
 * with the same participants could both count one payout output (protects each participant
 * from being paid once for two channels).
 */
export function onlyChannelInTx(id: Identity): void {
  const own = tableFields(id.ownScript, 3)!;
  for (let i = 0; ; i++) {
    const t = cellField(i, b.SOURCE_INPUT, b.CELL_FIELD_TYPE);
    if (t === null) {
      if (cellField(i, b.SOURCE_INPUT, b.CELL_FIELD_CAPACITY) === null) return;
      continue;
    }
    if (bytesEqual(t, id.ownScript)) continue;
    const f = tableFields(t, 3);
    if (f === null) continue;
    if (!bytesEqual(f[0], own[0]) || !bytesEqual(f[1], own[1])) continue;
    // args: u32 length ‖ 0x0000 ‖ js code hash ‖ hash type ‖ …: compare the first 4 + 35 bytes' JS part.
    if (f[2].length >= 39 && bytesEqual(f[2].subarray(4, 39), own[2].subarray(4, 39))) fail(EXIT.OTHER_CHANNEL_IN_TX);
  }
}

export function groupCount(source: number): number {
  return countCells(source);
}
