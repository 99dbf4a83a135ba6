import * as b from "@ckb-js-std/bindings";
import type { SignatureCrypto } from "../../src/encoding/verifySignatureWith";

/**
 * Transaction access and native crypto for the on-chain scripts. Everything that can be
 * absent (index past the end, a cell without a type) comes back as null instead of a throw.
 */

/** ckb-js-vm prefixes a JS script's args with `0x0000 ‖ js code hash ‖ hash type` (35 bytes). */
export const JS_VM_ARGS_PREFIX = 35;

function errorCode(e: unknown): number {
  return (e as { errorCode?: number }).errorCode ?? -1;
}

/** A cell field, or null when the index is past the end or the item is missing. */
export function cellField(index: number, source: number, field: number): Uint8Array | null {
  try {
    return new Uint8Array(b.loadCellByField(index, source, field));
  } catch (e) {
    const c = errorCode(e);
    if (c === b.INDEX_OUT_OF_BOUND || c === b.ITEM_MISSING) return null;
    throw e;
  }
}

/** Cell data, or null past the end. */
export function cellData(index: number, source: number): Uint8Array | null {
  try {
    return new Uint8Array(b.loadCellData(index, source));
  } catch (e) {
    if (errorCode(e) === b.INDEX_OUT_OF_BOUND) return null;
    throw e;
  }
}

/** Number of cells in `source` (cheap: capacity is the smallest field). */
export function countCells(source: number): number {
  let n = 0;
  while (cellField(n, source, b.CELL_FIELD_CAPACITY) !== null) n++;
  return n;
}

/** Copies a view into a fresh ArrayBuffer (the bindings take whole ArrayBuffers). */
function ab(v: Uint8Array): ArrayBuffer {
  return v.slice().buffer as ArrayBuffer;
}

export function keccak256(data: Uint8Array): Uint8Array {
  const h = new b.Keccak256();
  h.update(ab(data));
  return new Uint8Array(h.finalize());
}

/**
 * Bytes of a 0x-hex string the shared decoder produced (so well-formed), through the VM's
 * native hex decoder: a JS digit loop costs ~8 k cycles per byte in QuickJS.
 */
export function hexBytes(hex: string): Uint8Array {
  return new Uint8Array(b.hex.decode(hex.slice(2)));
}

/** CKB's blake2b-256 ("ckb-default-hash"), the hash of cell data, scripts and transactions. */
export function ckbHash(data: Uint8Array): Uint8Array {
  const h = new b.Blake2b("ckb-default-hash");
  h.update(ab(data));
  return new Uint8Array(h.finalize());
}

/** The VM's native keccak256 and secp256k1 recovery, for src/encoding's injectable policy. */
export const NATIVE_CRYPTO: SignatureCrypto = {
  keccak256,
  recoverPublicKey(digest, rs, recovery) {
    try {
      const raw = b.secp256k1.recover(ab(rs), recovery, ab(digest));
      return new Uint8Array(b.secp256k1.serializePubkey(raw, false));
    } catch {
      return null;
    }
  },
};
