import { InvalidByteLengthError, InvalidHexError, InvalidValueTypeError } from "../../errors/encodingErrors";
import type { Hex } from "../types";

/**
 * Hex <-> bytes through lookup tables, written for speed on the encoder's hot path and for
 * engines without Node's Buffer (Azle, ckb-js-vm's QuickJS).
 */

/**
 * "00".."ff" by byte value, built on first use: module load does no work, because the CKB
 * scripts bundle this module and paid 1.7 M cycles for an eagerly built table even on paths
 * that never print hex (../shared/probes/ckb/cycles/results.md).
 */
let byteToHex: string[] | undefined;

function byteToHexTable(): string[] {
  if (byteToHex === undefined) {
    byteToHex = [];
    for (let i = 0; i < 256; i++) byteToHex.push((i < 16 ? "0" : "") + i.toString(16));
  }
  return byteToHex;
}

/** Flag OR-ed into a nibble when the digit was an upper-case letter (for EIP-55 checks). */
export const HEX_UPPER = 0x10;
/** Flag OR-ed into a nibble when the digit was a lower-case letter. */
export const HEX_LOWER = 0x20;
/** Marks a character that is not a hex digit; bit 0x40 never occurs in a valid entry. */
export const HEX_INVALID = 0x40;

/** Char code (0..255) -> nibble | case flag, or 0xff for non-hex characters; built on first use. */
let nibbleTable: Uint8Array | undefined;

function nibbles(): Uint8Array {
  if (nibbleTable === undefined) {
    const t = new Uint8Array(256).fill(0xff);
    for (let i = 0; i < 10; i++) t[48 + i] = i;
    for (let i = 0; i < 6; i++) {
      t[65 + i] = (10 + i) | HEX_UPPER;
      t[97 + i] = (10 + i) | HEX_LOWER;
    }
    nibbleTable = t;
  }
  return nibbleTable;
}

/** Lowercase 0x-hex of `bytes[start:end]`. */
export function bytesToHex(bytes: Uint8Array, start = 0, end = bytes.length): Hex {
  let s = "0x";
  if (end - start <= SHORT_HEX) {
    // Addresses, bytes32 and other short values: two digits per byte without the table, so a
    // decoder that only meets short values (the CKB scripts: 2.5 M cycles for the table in
    // ckb-js-vm) never builds it; long values amortise the table.
    for (let i = start; i < end; i++) s += DIGITS[bytes[i] >> 4] + DIGITS[bytes[i] & 15];
    return s as Hex;
  }
  const table = byteToHexTable();
  for (let i = start; i < end; i++) s += table[bytes[i]];
  return s as Hex;
}

/** Values up to this many bytes are printed digit by digit (see bytesToHex). */
const SHORT_HEX = 64;
const DIGITS = "0123456789abcdef";

/**
 * Validates the shape of a 0x-hex string (type, prefix, even length) and returns its byte
 * length. Digits are checked by {@link writeHexDigits}, which the callers always run next;
 * splitting the two lets the encoders size their output buffer in one cheap pass.
 */
export function hexByteLength(value: unknown, field: string): number {
  if (typeof value !== "string") throw new InvalidValueTypeError(field, "0x-hex string", value);
  if (value.length < 2 || value.charCodeAt(0) !== 48 || value.charCodeAt(1) !== 120) {
    throw new InvalidHexError(field, value, "missing 0x prefix");
  }
  if ((value.length & 1) !== 0) throw new InvalidHexError(field, value, "odd number of hex digits");
  return (value.length - 2) >>> 1;
}

/**
 * Writes the digits of `hex` (already shape-checked) into `out` at `pos`. Returns the OR of
 * the case flags seen so address callers can detect mixed case; throws on a non-hex digit.
 */
export function writeHexDigits(out: Uint8Array, pos: number, hex: string, byteLength: number, field: string): number {
  const NIBBLE = nibbles();
  let flags = 0;
  for (let i = 0, c = 2; i < byteLength; i++, c += 2) {
    const a = hex.charCodeAt(c);
    const b = hex.charCodeAt(c + 1);
    const hi = a < 256 ? NIBBLE[a] : 0xff;
    const lo = b < 256 ? NIBBLE[b] : 0xff;
    flags |= hi | lo;
    out[pos + i] = ((hi & 0x0f) << 4) | (lo & 0x0f);
  }
  if ((flags & HEX_INVALID) !== 0) throw new InvalidHexError(field, hex, "non-hex character");
  return flags;
}

/** Parses any-length 0x-hex into fresh bytes. */
export function hexToBytes(value: unknown, field: string): Uint8Array {
  const n = hexByteLength(value, field);
  const out = new Uint8Array(n);
  writeHexDigits(out, 0, value as string, n, field);
  return out;
}

/** Accepts bytes (copied, so later mutation by the caller cannot race us) or 0x-hex. */
export function toBytes(value: unknown, field: string): Uint8Array {
  if (value instanceof Uint8Array) return value.slice();
  return hexToBytes(value, field);
}

/** Parses fixed-length hex (bytes32, private keys) with a length error that names the field. */
export function fixedHexToBytes(value: unknown, length: number, field: string): Uint8Array {
  const n = hexByteLength(value, field);
  if (n !== length) throw new InvalidByteLengthError(field, length, n);
  const out = new Uint8Array(n);
  writeHexDigits(out, 0, value as string, n, field);
  return out;
}
