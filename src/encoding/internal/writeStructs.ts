import type { Allocation, Asset, Participant, SubAlloc } from "../types";
import {
  MAX_UINT16,
  MAX_UINT256,
  arrayField,
  dynamicBytesSize,
  structField,
  writeAddress,
  writeBytes32,
  writeDynamicBytes,
  writeSize,
  writeUint,
} from "./words";

/**
 * Size and write passes for the nested structs shared by several top-level encoders.
 * `size*` validates shapes and hex lengths and returns the exact encoded size, so the
 * top-level encoder can allocate one buffer; `write*` fills it and returns the end offset.
 * Offsets inside a tuple or array are relative to the start of its head, as in the ABI spec.
 */

/**
 * Encoded size of a `Participant` tuple (dynamic because of `bytes ccAddress`). `field` is
 * the error path prefix, e.g. "participants[]" (the `[]` is filled with `i` on error).
 */
export function sizeParticipant(value: unknown, field: string, i = -1): number {
  const p = structField<Participant>(value, field, i);
  return (
    64 +
    dynamicBytesSize(p.ccAddress, field === "participant" ? "participant.ccAddress" : "participants[].ccAddress", i)
  );
}

/** Writes a `Participant` at `pos`; `field` is "participant" or "participants[]". */
export function writeParticipant(
  view: DataView,
  out: Uint8Array,
  pos: number,
  p: Participant,
  field: string,
  i = -1,
): number {
  const single = field === "participant";
  writeAddress(out, pos, p.ethAddress, single ? "participant.ethAddress" : "participants[].ethAddress", i);
  writeSize(view, pos + 32, 64);
  return writeDynamicBytes(
    view,
    out,
    pos + 64,
    p.ccAddress,
    single ? "participant.ccAddress" : "participants[].ccAddress",
    i,
  );
}

/** Encoded size of `Participant[]`. */
export function sizeParticipants(value: unknown): number {
  const list = arrayField<unknown>(value, "participants");
  let size = 32 + 32 * list.length;
  for (let i = 0; i < list.length; i++) size += sizeParticipant(list[i], "participants[]", i);
  return size;
}

/** Writes `Participant[]` (length, offset table, elements). */
export function writeParticipants(view: DataView, out: Uint8Array, pos: number, list: Participant[]): number {
  const n = list.length;
  writeSize(view, pos, n);
  const base = pos + 32;
  let tail = base + 32 * n;
  for (let i = 0; i < n; i++) {
    writeSize(view, base + 32 * i, tail - base);
    tail = writeParticipant(view, out, tail, list[i], "participants[]", i);
  }
  return tail;
}

/** Encoded size of an `Allocation` tuple; it only ever occurs as `State.outcome`, hence the fixed error paths. */
export function sizeAllocation(value: unknown): number {
  const a = structField<Allocation>(value, "outcome");
  const assets = arrayField<unknown>(a.assets, "outcome.assets");
  const backends = arrayField<unknown>(a.backends, "outcome.backends");
  const balances = arrayField<unknown>(a.balances, "outcome.balances");
  const locked = arrayField<unknown>(a.locked, "outcome.locked");

  let size = 128 + 32 + 32 * assets.length;
  for (let i = 0; i < assets.length; i++) {
    const asset = structField<Asset>(assets[i], "outcome.assets[]", i);
    size += 96 + dynamicBytesSize(asset.ccHolder, "outcome.assets[].ccHolder", i);
  }
  size += 32 + 32 * backends.length;
  size += 32 + 32 * balances.length;
  for (let i = 0; i < balances.length; i++) {
    size += 32 + 32 * arrayField<unknown>(balances[i], "outcome.balances[]", i).length;
  }
  size += 32 + 32 * locked.length;
  for (let i = 0; i < locked.length; i++) {
    const sub = structField<SubAlloc>(locked[i], "outcome.locked[]", i);
    const subBalances = arrayField<unknown>(sub.balances, "outcome.locked[].balances", i);
    const indexMap = arrayField<unknown>(sub.indexMap, "outcome.locked[].indexMap", i);
    size += 96 + 64 + 32 * (subBalances.length + indexMap.length);
  }
  return size;
}

/** Writes `uint256[]` or `uint16[]` (length + words). */
function writeUintArray(
  view: DataView,
  pos: number,
  list: bigint[],
  max: bigint,
  type: string,
  field: string,
  i: number,
): number {
  const n = list.length;
  writeSize(view, pos, n);
  let p = pos + 32;
  for (let j = 0; j < n; j++, p += 32) {
    // With i < 0 the element index goes into the first bracket of the error path.
    if (i < 0) writeUint(view, p, list[j], max, type, field, j);
    else writeUint(view, p, list[j], max, type, field, i, j);
  }
  return p;
}

/** Writes an `Allocation` at `pos` (shapes already checked by {@link sizeAllocation}). */
export function writeAllocation(view: DataView, out: Uint8Array, pos: number, a: Allocation): number {
  const { assets, backends, balances, locked } = a;
  let tail = pos + 128;

  // Asset[]
  writeSize(view, pos, tail - pos);
  writeSize(view, tail, assets.length);
  let base = tail + 32;
  tail = base + 32 * assets.length;
  for (let i = 0; i < assets.length; i++) {
    const asset = assets[i];
    writeSize(view, base + 32 * i, tail - base);
    writeUint(view, tail, asset.chainID, MAX_UINT256, "uint256", "outcome.assets[].chainID", i);
    writeAddress(out, tail + 32, asset.ethHolder, "outcome.assets[].ethHolder", i);
    writeSize(view, tail + 64, 96);
    tail = writeDynamicBytes(view, out, tail + 96, asset.ccHolder, "outcome.assets[].ccHolder", i);
  }

  // uint256[] backends
  writeSize(view, pos + 32, tail - pos);
  tail = writeUintArray(view, tail, backends, MAX_UINT256, "uint256", "outcome.backends[]", -1);

  // uint256[][] balances
  writeSize(view, pos + 64, tail - pos);
  writeSize(view, tail, balances.length);
  base = tail + 32;
  tail = base + 32 * balances.length;
  for (let i = 0; i < balances.length; i++) {
    writeSize(view, base + 32 * i, tail - base);
    tail = writeUintArray(view, tail, balances[i], MAX_UINT256, "uint256", "outcome.balances[][]", i);
  }

  // SubAlloc[] locked
  writeSize(view, pos + 96, tail - pos);
  writeSize(view, tail, locked.length);
  base = tail + 32;
  tail = base + 32 * locked.length;
  for (let i = 0; i < locked.length; i++) {
    const sub = locked[i];
    const start = tail;
    writeSize(view, base + 32 * i, start - base);
    writeBytes32(out, start, sub.ID, "outcome.locked[].ID", i);
    writeSize(view, start + 32, 96);
    tail = writeUintArray(view, start + 96, sub.balances, MAX_UINT256, "uint256", "outcome.locked[].balances[]", i);
    writeSize(view, start + 64, tail - start);
    tail = writeUintArray(view, tail, sub.indexMap, MAX_UINT16, "uint16", "outcome.locked[].indexMap[]", i);
  }
  return tail;
}
