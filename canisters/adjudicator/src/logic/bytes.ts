import { bytesToHex } from "../../../../src/encoding/internal/hex";

/** Storage key of a byte string (principal, channel or funding ID): lowercase 0x-hex. */
export function key(bytes: Uint8Array): string {
  return bytesToHex(bytes);
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function isAllZero(a: Uint8Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== 0) return false;
  return true;
}

/** The Internet Computer's longest principal, in bytes. */
export const MAX_PRINCIPAL_BYTES = 29;
