import * as b from "@ckb-js-std/bindings";
import { EXIT } from "../../src/ckb/exitCodes";
import { cellData, cellField, countCells } from "../common/chain";
import { bytesEqual, uintLE } from "../common/molecule";
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
 * One channel per payout transaction: the channel cell is the transaction's FIRST input.
 * Payouts are "at least this much to this lock", so two channels settled in one transaction
 * could both count one output. Recognising "another channel" by its script reference cannot
 * work: ckb-js-vm resolves every hash-type byte but 1 by data hash, and another build of this
 * code is another code hash, so the same rules run under many references. This rule needs no
 * recognition: every channel running these rules, under any reference, must be input 0 to pay
 * out, and only one cell is input 0 (protects each participant from being paid once for two
 * channels it funded).
 */
export function onlyChannelInTx(): void {
  const first = new Uint8Array(b.loadInputByField(0, b.SOURCE_INPUT, b.INPUT_FIELD_OUT_POINT));
  const own = new Uint8Array(b.loadInputByField(0, b.SOURCE_GROUP_INPUT, b.INPUT_FIELD_OUT_POINT));
  if (!bytesEqual(first, own)) fail(EXIT.OTHER_CHANNEL_IN_TX);
}

/**
 * Some input of the transaction is under the lock whose hash is `lockHash`, so that lock ran
 * and accepted this very transaction (for a signature lock: its owner signed it).
 */
export function inputLockedBy(lockHash: Uint8Array): boolean {
  return inputLockedByAny([lockHash]);
}

/** Some input of the transaction is under one of the locks whose hashes are `lockHashes`. */
export function inputLockedByAny(lockHashes: Uint8Array[]): boolean {
  for (let i = 0; ; i++) {
    const h = cellField(i, b.SOURCE_INPUT, b.CELL_FIELD_LOCK_HASH);
    if (h === null) return false;
    for (let k = 0; k < lockHashes.length; k++) if (bytesEqual(h, lockHashes[k])) return true;
  }
}

export function groupCount(source: number): number {
  return countCells(source);
}
