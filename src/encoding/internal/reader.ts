import {
  DecodeAddressError,
  DecodeBoolError,
  DecodeIntegerRangeError,
  DecodeLengthError,
  DecodeOffsetError,
  DecodePaddingError,
  DecodeTrailingBytesError,
  DecodeTruncatedError,
} from "../../errors/decodingErrors";
import type { Address, Hex } from "../types";
import { bytesToHex, toBytes } from "./hex";

/**
 * Strict reader of canonical `abi.encode` output.
 *
 * Canonical rule: `abi.encode` lays out every dynamic value's tail right after the previous
 * one, in field order, with no gaps. The decoders walk the input in exactly that order and
 * require every offset word to point at the current tail position. That single rule rejects
 * out-of-range, backward, overlapping, aliased and gap-leaving offsets, and makes decoding a
 * bijection with encoding: a byte string is accepted iff it is `encode(decode(bytes))`.
 *
 * Every read is bounds-checked before it happens; lengths are checked against the bytes
 * left before anything is allocated, so a hostile length word cannot cause a big allocation.
 */
export class AbiReader {
  readonly bytes: Uint8Array;
  readonly view: DataView;
  readonly length: number;
  /** Position right after the last dynamic value read (set by dynamicBytes and the struct readers). */
  end = 0;

  constructor(input: Uint8Array | Hex) {
    this.bytes = input instanceof Uint8Array ? input : toBytes(input, "input");
    this.view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    this.length = this.bytes.length;
  }

  /** Throws unless `n` bytes are available at `pos`. */
  need(pos: number, n: number, field: string): void {
    if (pos + n > this.length) throw new DecodeTruncatedError(field, pos + n, this.length);
  }

  /** Throws unless the complete value ended exactly at the end of the input. */
  finish(end: number): void {
    if (end !== this.length) throw new DecodeTrailingBytesError(end, this.length);
  }

  /** True iff the `n` bytes at `pos` are all zero. */
  private zero(pos: number, n: number): boolean {
    // Four bytes per step: in ckb-js-vm every loop iteration costs ~1.7 k cycles.
    const v = this.view;
    let acc = 0;
    let k = 0;
    for (; k + 4 <= n; k += 4) acc |= v.getUint32(pos + k);
    for (; k < n; k++) acc |= this.bytes[pos + k];
    return acc === 0;
  }

  /** The word at `pos` as a number if it is below 2^32, else -1 — no BigInt on the hot path. */
  private small(pos: number): number {
    const v = this.view;
    const high =
      v.getUint32(pos) |
      v.getUint32(pos + 4) |
      v.getUint32(pos + 8) |
      v.getUint32(pos + 12) |
      v.getUint32(pos + 16) |
      v.getUint32(pos + 20) |
      v.getUint32(pos + 24);
    return high === 0 ? v.getUint32(pos + 28) : -1;
  }

  /** Full word as uint256. */
  uint256(pos: number): bigint {
    const small = this.small(pos);
    if (small >= 0) return BigInt(small);
    const v = this.view;
    return (
      (v.getBigUint64(pos) << 192n) |
      (v.getBigUint64(pos + 8) << 128n) |
      (v.getBigUint64(pos + 16) << 64n) |
      v.getBigUint64(pos + 24)
    );
  }

  /** uint64 word; high 24 bytes must be zero. */
  uint64(pos: number, field: string): bigint {
    if (!this.zero(pos, 24)) throw new DecodeIntegerRangeError(field, "uint64", pos);
    return this.view.getBigUint64(pos + 24);
  }

  /** uint16 word; high 30 bytes must be zero. */
  uint16(pos: number, field: string): bigint {
    if (!this.zero(pos, 30)) throw new DecodeIntegerRangeError(field, "uint16", pos);
    return BigInt(this.view.getUint16(pos + 30));
  }

  /** Address word; high 12 bytes must be zero. Lowercase output. */
  address(pos: number, field: string): Address {
    if (!this.zero(pos, 12)) throw new DecodeAddressError(field, pos);
    return bytesToHex(this.bytes, pos + 12, pos + 32);
  }

  /** Bool word; must be exactly 0 or 1. */
  bool(pos: number, field: string): boolean {
    const last = this.bytes[pos + 31];
    if (!this.zero(pos, 31) || last > 1) throw new DecodeBoolError(field, pos);
    return last === 1;
  }

  /** bytes32 word. */
  bytes32(pos: number): Hex {
    return bytesToHex(this.bytes, pos, pos + 32);
  }

  /**
   * Offset word at `pos`, relative to `base`, must point exactly at `expected` (absolute),
   * the position canonical encoding puts the next tail at.
   */
  offset(pos: number, base: number, expected: number, field: string): void {
    if (this.small(pos) !== expected - base) {
      throw new DecodeOffsetError(field, pos, expected - base, this.uint256(pos));
    }
  }

  /**
   * Length word at `pos` of an array whose elements take at least `minElementSize` bytes
   * each (or of `bytes` with `minElementSize` 1). Rejects lengths that could not fit into
   * the remaining input before the caller allocates anything.
   */
  arrayLength(pos: number, minElementSize: number, field: string): number {
    this.need(pos, 32, field);
    const available = this.length - pos - 32;
    const max = Math.floor(available / minElementSize);
    const n = this.small(pos);
    if (n < 0 || n > max) throw new DecodeLengthError(field, pos, this.uint256(pos), max);
    return n;
  }

  /** Dynamic `bytes` at `pos` (length, data, zero padding). Sets {@link end}. */
  dynamicBytes(pos: number, field: string): Hex {
    const n = this.arrayLength(pos, 1, field);
    const padded = (n + 31) & ~31;
    const data = pos + 32;
    this.need(data, padded, field);
    for (let k = data + n; k < data + padded; k++) {
      if (this.bytes[k] !== 0) throw new DecodePaddingError(field, k);
    }
    this.end = data + padded;
    return bytesToHex(this.bytes, data, data + n);
  }
}
