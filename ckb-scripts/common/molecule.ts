/**
 * Strict molecule reading and writing for the on-chain scripts: exactly the canonical
 * encoding (total size equals the bytes, first offset equals the header size, offsets
 * non-decreasing, fixed vectors exactly `4 + n * size` bytes), so one value has one
 * encoding. Every reader returns null on anything else; callers map null to their exit code.
 */

export function u32(v: Uint8Array, off: number): number {
  return (v[off] | (v[off + 1] << 8) | (v[off + 2] << 16) | (v[off + 3] << 24)) >>> 0;
}

/** The `count` field views of a table filling `v` exactly, or null. */
export function tableFields(v: Uint8Array, count: number): Uint8Array[] | null {
  if (v.length < 4 || u32(v, 0) !== v.length) return null;
  const header = 4 * (count + 1);
  if (count === 0) return v.length === 4 ? [] : null;
  if (v.length < header || u32(v, 4) !== header) return null;
  const out: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const start = u32(v, 4 + 4 * i);
    const end = i + 1 < count ? u32(v, 8 + 4 * i) : v.length;
    if (start > end || end > v.length) return null;
    out.push(v.subarray(start, end));
  }
  return out;
}

/** The items of a fixed vector (`u32 n ‖ n × size bytes`) filling `v` exactly, or null. */
export function fixVec(v: Uint8Array, size: number): { n: number; items: Uint8Array } | null {
  if (v.length < 4) return null;
  const n = u32(v, 0);
  if (v.length !== 4 + n * size) return null;
  return { n, items: v.subarray(4) };
}

/** molecule `Bytes` (fixvec of byte) payload, or null. */
export function moleculeBytes(v: Uint8Array): Uint8Array | null {
  const f = fixVec(v, 1);
  return f === null ? null : f.items;
}

function putU32(out: Uint8Array, pos: number, x: number): void {
  out[pos] = x & 0xff;
  out[pos + 1] = (x >>> 8) & 0xff;
  out[pos + 2] = (x >>> 16) & 0xff;
  out[pos + 3] = (x >>> 24) & 0xff;
}

/** molecule `Bytes` of `data`. */
export function packBytes(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + data.length);
  putU32(out, 0, data.length);
  out.set(data, 4);
  return out;
}

/** molecule table of already-serialised fields. */
export function packTable(fields: Uint8Array[]): Uint8Array {
  const header = 4 * (fields.length + 1);
  let total = header;
  for (const f of fields) total += f.length;
  const out = new Uint8Array(total);
  putU32(out, 0, total);
  let pos = header;
  for (let i = 0; i < fields.length; i++) {
    putU32(out, 4 + 4 * i, pos);
    out.set(fields[i], pos);
    pos += fields[i].length;
  }
  return out;
}

/** molecule Script `{ code_hash, hash_type, args: Bytes }`. */
export function packScript(codeHash: Uint8Array, hashType: number, args: Uint8Array): Uint8Array {
  return packTable([codeHash, new Uint8Array([hashType]), packBytes(args)]);
}

/** Unsigned little-endian integer of `n` bytes at `v[off]`. */
export function uintLE(v: Uint8Array, off: number, n: number): bigint {
  let x = 0n;
  for (let i = n - 1; i >= 0; i--) x = (x << 8n) | BigInt(v[off + i]);
  return x;
}

/** `x` as 8 little-endian bytes (x < 2^64 checked by the caller). */
export function u64Bytes(x: bigint): Uint8Array {
  const out = new Uint8Array(8);
  for (let i = 0; i < 8; i++) {
    out[i] = Number(x & 0xffn);
    x >>= 8n;
  }
  return out;
}

/**
 * Byte equality. Long inputs go through String.fromCharCode + === (both native loops in
 * QuickJS): a JS loop costs ~1.7 k cycles per byte in ckb-js-vm, so comparing a 1.5 kB
 * channel status byte by byte would cost ~2.5 M cycles.
 */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  if (a.length > 16) return latin1(a) === latin1(b);
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a[i] ^ b[i];
  return d === 0;
}

/** One char per byte, built natively in chunks (argument-count limits). */
function latin1(v: Uint8Array): string {
  let s = "";
  for (let i = 0; i < v.length; i += 8192) {
    s += String.fromCharCode.apply(null, v.subarray(i, i + 8192) as unknown as number[]);
  }
  return s;
}
