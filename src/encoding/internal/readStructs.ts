import type { Allocation, Asset, Participant, SubAlloc } from "../types";
import type { AbiReader } from "./reader";

/**
 * Decoders of the nested structs, mirroring writeStructs.ts. Each reads a value whose head
 * starts at `pos` and leaves the position right after its last tail in `r.end`. Minimum
 * element sizes (used to bound array lengths) are the encoded sizes of the smallest
 * possible element including its offset word.
 */

/** Participant: offset word + ethAddress + ccAddress offset + ccAddress length. */
const MIN_PARTICIPANT = 128;
/** Asset: offset word + chainID + ethHolder + ccHolder offset + ccHolder length. */
const MIN_ASSET = 160;
/** SubAlloc: offset word + ID + two offsets + two lengths. */
const MIN_SUBALLOC = 192;

export function readParticipant(r: AbiReader, pos: number, field: string): Participant {
  r.need(pos, 96, field);
  const ethAddress = r.address(pos, `${field}.ethAddress`);
  r.offset(pos + 32, pos, pos + 64, `${field}.ccAddress`);
  const ccAddress = r.dynamicBytes(pos + 64, `${field}.ccAddress`);
  return { ethAddress, ccAddress };
}

export function readParticipants(r: AbiReader, pos: number): Participant[] {
  const n = r.arrayLength(pos, MIN_PARTICIPANT, "participants");
  const base = pos + 32;
  let tail = base + 32 * n;
  const out: Participant[] = new Array(n);
  for (let i = 0; i < n; i++) {
    r.offset(base + 32 * i, base, tail, "participants");
    out[i] = readParticipant(r, tail, "participants[]");
    tail = r.end;
  }
  r.end = tail;
  return out;
}

function readUint256Array(r: AbiReader, pos: number, field: string): bigint[] {
  const n = r.arrayLength(pos, 32, field);
  const out: bigint[] = new Array(n);
  let p = pos + 32;
  for (let j = 0; j < n; j++, p += 32) out[j] = r.uint256(p);
  r.end = p;
  return out;
}

function readUint16Array(r: AbiReader, pos: number, field: string): bigint[] {
  const n = r.arrayLength(pos, 32, field);
  const out: bigint[] = new Array(n);
  let p = pos + 32;
  for (let j = 0; j < n; j++, p += 32) out[j] = r.uint16(p, field);
  r.end = p;
  return out;
}

export function readAllocation(r: AbiReader, pos: number): Allocation {
  r.need(pos, 128, "outcome");
  let tail = pos + 128;

  r.offset(pos, pos, tail, "outcome.assets");
  let n = r.arrayLength(tail, MIN_ASSET, "outcome.assets");
  let base = tail + 32;
  tail = base + 32 * n;
  const assets: Asset[] = new Array(n);
  for (let i = 0; i < n; i++) {
    r.offset(base + 32 * i, base, tail, "outcome.assets");
    r.need(tail, 128, "outcome.assets[]");
    const chainID = r.uint256(tail);
    const ethHolder = r.address(tail + 32, "outcome.assets[].ethHolder");
    r.offset(tail + 64, tail, tail + 96, "outcome.assets[].ccHolder");
    const ccHolder = r.dynamicBytes(tail + 96, "outcome.assets[].ccHolder");
    assets[i] = { chainID, ethHolder, ccHolder };
    tail = r.end;
  }

  r.offset(pos + 32, pos, tail, "outcome.backends");
  const backends = readUint256Array(r, tail, "outcome.backends");
  tail = r.end;

  r.offset(pos + 64, pos, tail, "outcome.balances");
  n = r.arrayLength(tail, 64, "outcome.balances");
  base = tail + 32;
  tail = base + 32 * n;
  const balances: bigint[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    r.offset(base + 32 * i, base, tail, "outcome.balances[]");
    balances[i] = readUint256Array(r, tail, "outcome.balances[]");
    tail = r.end;
  }

  r.offset(pos + 96, pos, tail, "outcome.locked");
  n = r.arrayLength(tail, MIN_SUBALLOC, "outcome.locked");
  base = tail + 32;
  tail = base + 32 * n;
  const locked: SubAlloc[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const start = tail;
    r.offset(base + 32 * i, base, start, "outcome.locked");
    r.need(start, 96, "outcome.locked[]");
    const ID = r.bytes32(start);
    r.offset(start + 32, start, start + 96, "outcome.locked[].balances");
    const subBalances = readUint256Array(r, start + 96, "outcome.locked[].balances");
    r.offset(start + 64, start, r.end, "outcome.locked[].indexMap");
    const indexMap = readUint16Array(r, r.end, "outcome.locked[].indexMap");
    tail = r.end;
    locked[i] = { ID, balances: subBalances, indexMap };
  }
  r.end = tail;
  return { assets, backends, balances, locked };
}
