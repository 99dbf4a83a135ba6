// Hand-written typings for the subset of ckb-js-vm's built-in "@ckb-js-std/bindings" module
// these scripts use (the @ckb-js-std packages are not on the npm registry reachable here).
// Source of truth: packages/bindings/index.d.ts of nervosnetwork/ckb-js-vm at 3d966c3.
declare module "@ckb-js-std/bindings" {
  export type SourceType = number;
  export const SOURCE_INPUT: SourceType;
  export const SOURCE_OUTPUT: SourceType;
  export const SOURCE_GROUP_INPUT: SourceType;
  export const SOURCE_GROUP_OUTPUT: SourceType;
  export const CELL_FIELD_CAPACITY: number;
  export const CELL_FIELD_DATA_HASH: number;
  export const CELL_FIELD_LOCK: number;
  export const CELL_FIELD_LOCK_HASH: number;
  export const CELL_FIELD_TYPE: number;
  export const CELL_FIELD_TYPE_HASH: number;
  export const INPUT_FIELD_OUT_POINT: number;
  export const INPUT_FIELD_SINCE: number;
  export const INDEX_OUT_OF_BOUND: number;
  export const ITEM_MISSING: number;
  export function exit(status: number): void;
  export function loadScript(offset?: number, length?: number): ArrayBuffer;
  export function loadScriptHash(): ArrayBuffer;
  export function loadWitness(index: number, source: SourceType, offset?: number, length?: number): ArrayBuffer;
  export function loadCellData(index: number, source: SourceType, offset?: number, length?: number): ArrayBuffer;
  export function loadCellByField(
    index: number,
    source: SourceType,
    field: number,
    offset?: number,
    length?: number,
  ): ArrayBuffer;
  export function loadInputByField(
    index: number,
    source: SourceType,
    field: number,
    offset?: number,
    length?: number,
  ): ArrayBuffer;
  export function currentCycles(): number;
  export function debug(message: string): void;
  export class Keccak256 {
    constructor();
    update(data: ArrayBuffer): void;
    finalize(): ArrayBuffer;
  }
  export class Blake2b {
    constructor(personal?: string);
    update(data: ArrayBuffer): void;
    finalize(): ArrayBuffer;
  }
  export const hex: { encode(b: ArrayBuffer): string; decode(s: string): ArrayBuffer };
  export const secp256k1: {
    recover(signature: ArrayBuffer, recoveryId: number, messageHash: ArrayBuffer): ArrayBuffer;
    serializePubkey(pubkey: ArrayBuffer, compressed?: boolean): ArrayBuffer;
  };
}
