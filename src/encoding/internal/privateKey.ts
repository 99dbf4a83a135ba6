import { InvalidPrivateKeyError } from "../../errors/encodingErrors";
import { SECP256K1_N } from "./crypto";
import { hexByteLength, writeHexDigits } from "./hex";

/** Parses a 32-byte secp256k1 private key (bytes or 0x-hex) and checks 0 < key < n. */
export function parsePrivateKey(value: unknown): Uint8Array {
  let key: Uint8Array;
  if (value instanceof Uint8Array) {
    key = value.slice();
  } else {
    let n: number;
    try {
      n = hexByteLength(value, "privateKey");
    } catch {
      // Do not echo the (possibly secret) value back in an error message.
      throw new InvalidPrivateKeyError("not bytes or 0x-hex");
    }
    key = new Uint8Array(n);
    try {
      writeHexDigits(key, 0, value as string, n, "privateKey");
    } catch {
      throw new InvalidPrivateKeyError("non-hex character");
    }
  }
  if (key.length !== 32) throw new InvalidPrivateKeyError(`expected 32 bytes, got ${key.length}`);
  let x = 0n;
  for (let i = 0; i < 32; i++) x = (x << 8n) | BigInt(key[i]);
  if (x === 0n || x >= SECP256K1_N) throw new InvalidPrivateKeyError("not in 1..n-1");
  return key;
}
