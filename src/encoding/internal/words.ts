import {
  AddressChecksumError,
  IntegerOutOfRangeError,
  InvalidByteLengthError,
  InvalidValueTypeError,
} from "../../errors/encodingErrors";
import { keccak256 } from "./crypto";
import { HEX_LOWER, HEX_UPPER, hexByteLength, writeHexDigits } from "./hex";

/**
 * Word writers for the hand-written ABI encoders. Every writer validates its value and
 * writes straight into a zero-filled, pre-sized buffer: zero words and zero padding cost
 * nothing, and nothing is ever truncated or wrapped.
 */

export const MAX_UINT256 = (1n << 256n) - 1n;
export const MAX_UINT64 = (1n << 64n) - 1n;
export const MAX_UINT16 = 0xffffn;
const TWO_32 = 1n << 32n;

/**
 * Error path of an element: each `[]` in `field` is filled with the next index, e.g.
 * ("outcome.balances[][]", 1, 0) -> "outcome.balances[1][0]". Built only when an error is
 * thrown, so the hot path allocates no strings.
 */
export function fieldPath(field: string, i: number, j: number): string {
  let s = field;
  if (i >= 0) s = s.replace("[]", `[${i}]`);
  if (j >= 0) s = s.replace("[]", `[${j}]`);
  return s;
}

/** Writes an unsigned integer of at most `max` as a big-endian word at `pos`. */
export function writeUint(
  view: DataView,
  pos: number,
  value: unknown,
  max: bigint,
  type: string,
  field: string,
  i = -1,
  j = -1,
): void {
  if (typeof value !== "bigint") throw new InvalidValueTypeError(fieldPath(field, i, j), "bigint", value);
  if (value < TWO_32) {
    // `max` can be below 2^32 (uint16), so the upper bound is checked here too.
    if (value < 0n || value > max) throw new IntegerOutOfRangeError(fieldPath(field, i, j), type, value);
    // Small values (amounts in tests, versions, offsets) avoid BigInt shifts entirely.
    if (value !== 0n) view.setUint32(pos + 28, Number(value));
    return;
  }
  if (value > max) throw new IntegerOutOfRangeError(fieldPath(field, i, j), type, value);
  view.setBigUint64(pos + 24, BigInt.asUintN(64, value));
  let rest = value >> 64n;
  if (rest === 0n) return;
  view.setBigUint64(pos + 16, BigInt.asUintN(64, rest));
  rest >>= 64n;
  if (rest === 0n) return;
  view.setBigUint64(pos + 8, BigInt.asUintN(64, rest));
  view.setBigUint64(pos, rest >> 64n);
}

/** Writes a small non-negative JS integer (offsets and lengths, always < 2^32 here). */
export function writeSize(view: DataView, pos: number, n: number): void {
  view.setUint32(pos + 28, n);
}

/** Writes `true`/`false` as 1/0; anything else (e.g. 1, "true") is a type error. */
export function writeBool(out: Uint8Array, pos: number, value: unknown, field: string): void {
  if (typeof value !== "boolean") throw new InvalidValueTypeError(field, "boolean", value);
  if (value) out[pos + 31] = 1;
}

/** Writes a bytes32 (exactly 32 bytes of hex). */
export function writeBytes32(out: Uint8Array, pos: number, value: unknown, field: string, i = -1): void {
  const n = hexByteLength(value, fieldPath(field, i, -1));
  if (n !== 32) throw new InvalidByteLengthError(fieldPath(field, i, -1), 32, n);
  writeHexDigits(out, pos, value as string, 32, fieldPath(field, i, -1));
}

/**
 * Writes an address right-aligned in its word. Accepts all-lowercase, all-uppercase or
 * mixed case only when the mixed case is the correct EIP-55 checksum.
 */
export function writeAddress(out: Uint8Array, pos: number, value: unknown, field: string, i = -1): void {
  const n = hexByteLength(value, fieldPath(field, i, -1));
  if (n !== 20) throw new InvalidByteLengthError(fieldPath(field, i, -1), 20, n);
  const flags = writeHexDigits(out, pos + 12, value as string, 20, fieldPath(field, i, -1));
  if ((flags & HEX_UPPER) !== 0 && (flags & HEX_LOWER) !== 0) {
    assertChecksum(value as string, fieldPath(field, i, -1));
  }
}

/** EIP-55: a letter is upper case iff the matching nibble of keccak(lowercase hex) is ≥ 8. */
export function checksumAddress(lowerHex40: string): string {
  const ascii = new Uint8Array(40);
  for (let k = 0; k < 40; k++) ascii[k] = lowerHex40.charCodeAt(k);
  const hash = keccak256(ascii);
  let out = "0x";
  for (let k = 0; k < 40; k++) {
    const c = lowerHex40[k];
    const nibble = (hash[k >> 1] >> (k & 1 ? 0 : 4)) & 0x0f;
    out += nibble >= 8 ? c.toUpperCase() : c;
  }
  return out;
}

function assertChecksum(value: string, field: string): void {
  const expected = checksumAddress(value.slice(2).toLowerCase());
  if (expected !== value) throw new AddressChecksumError(field, value, expected);
}

/** Bytes occupied by a dynamic `bytes` value: length word + data padded to whole words. */
export function dynamicBytesSize(value: unknown, field: string, i = -1): number {
  const n = hexByteLength(value, fieldPath(field, i, -1));
  return 32 + ((n + 31) & ~31);
}

/** Writes a dynamic `bytes` value (length word + data; padding is already zero). Returns the end. */
export function writeDynamicBytes(
  view: DataView,
  out: Uint8Array,
  pos: number,
  value: string,
  field: string,
  i = -1,
): number {
  const n = (value.length - 2) >>> 1;
  writeSize(view, pos, n);
  writeHexDigits(out, pos + 32, value, n, fieldPath(field, i, -1));
  return pos + 32 + ((n + 31) & ~31);
}

/** Returns `value` if it is an array, else throws a type error naming the field. */
export function arrayField<T>(value: unknown, field: string, i = -1): T[] {
  if (!Array.isArray(value)) throw new InvalidValueTypeError(fieldPath(field, i, -1), "array", value);
  return value as T[];
}

/** Returns `value` if it is a non-null object, else throws a type error naming the field. */
export function structField<T>(value: unknown, field: string, i = -1): T {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new InvalidValueTypeError(fieldPath(field, i, -1), "object", value);
  }
  return value as T;
}
