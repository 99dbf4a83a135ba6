import { expect } from "chai";

/** Word-level editing of an encoding for decoder reject tests. */
export function wordAt(bytes: Uint8Array, pos: number): bigint {
  return BigInt(`0x${Buffer.from(bytes.subarray(pos, pos + 32)).toString("hex")}`);
}

/** Copy of `bytes` with the word at `pos` replaced, after checking the word we think is there. */
export function withWord(bytes: Uint8Array, pos: number, expectedOld: bigint, value: bigint): Uint8Array {
  expect(wordAt(bytes, pos), `word at ${pos} is not what the test assumes`).to.equal(expectedOld);
  const out = bytes.slice();
  const hex = value.toString(16).padStart(64, "0");
  out.set(Buffer.from(hex, "hex"), pos);
  return out;
}

/** Copy of `bytes` with one byte replaced. */
export function withByte(bytes: Uint8Array, pos: number, value: number): Uint8Array {
  const out = bytes.slice();
  out[pos] = value;
  return out;
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
