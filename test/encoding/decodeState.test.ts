import { expect } from "chai";
import type { Hex } from "../../src";
import {
  DecodeAddressError,
  DecodeBoolError,
  DecodeIntegerRangeError,
  DecodeLengthError,
  DecodeOffsetError,
  DecodePaddingError,
  DecodeTrailingBytesError,
  DecodeTruncatedError,
  InvalidHexError,
  PerunError,
  decodeState,
  encodeState,
} from "../../src";
import { concat, withByte, withWord } from "./support/bytes";
import { expectExactError } from "./support/expectError";
import { knownState, richState } from "./support/fixtures";
import { toHex } from "./support/oracle";
import { normalized } from "./support/arbitraries";

/*
 * Layout of the known-good state encoding (byte offsets):
 *   0 0x20 | 32 channelID | 64 version | 96 outcome offset (160) | 128 appData offset (768)
 *   160 isFinal | 192 Allocation head: assets 128, backends 352, balances 416, locked 576
 *   320 assets length 1 | 352 asset[0] offset 32 | 384 chainID | 416 ethHolder
 *   448 ccHolder offset 96 | 480 ccHolder length 32 | 512 ccHolder data
 *   544 backends length 1 | 576 backends[0] | 608 balances length 1 | 640 balances[0] offset 32
 *   672 balances[0] length 2 | 704 100 | 736 200 | 768 locked length 0 | 800 appData length 0 | 832 end
 */
const KNOWN = encodeState(knownState());
/** Rich state: appData 0xdeadbeef01 (5 bytes + 27 padding) at the end, indexMap just before it. */
const RICH = encodeState(richState());
const R = RICH.length;

type Row = {
  name: string;
  input: () => Uint8Array | Hex;
  error: abstract new (...args: never[]) => PerunError;
  field?: string;
};

const REJECT: Row[] = [
  { name: "empty input", input: () => new Uint8Array(0), error: DecodeTruncatedError },
  { name: "truncated head", input: () => KNOWN.subarray(0, 100), error: DecodeTruncatedError },
  { name: "truncated by one byte", input: () => KNOWN.subarray(0, KNOWN.length - 1), error: DecodeTruncatedError },
  { name: "truncated inside bytes data", input: () => RICH.subarray(0, R - 10), error: DecodeTruncatedError },
  { name: "one trailing zero word", input: () => concat(KNOWN, new Uint8Array(32)), error: DecodeTrailingBytesError },
  { name: "one trailing byte", input: () => concat(KNOWN, new Uint8Array(1)), error: DecodeTrailingBytesError },
  {
    name: "top-level offset 0x40 instead of 0x20",
    input: () => withWord(KNOWN, 0, 32n, 64n),
    error: DecodeOffsetError,
    field: "state",
  },
  {
    name: "top-level offset 0 (flat-list encoding)",
    input: () => withWord(KNOWN, 0, 32n, 0n),
    error: DecodeOffsetError,
  },
  {
    name: "outcome offset pointing past the end",
    input: () => withWord(KNOWN, 96, 160n, 100000n),
    error: DecodeOffsetError,
    field: "outcome",
  },
  {
    name: "outcome offset 2^255 (absurd)",
    input: () => withWord(KNOWN, 96, 160n, 1n << 255n),
    error: DecodeOffsetError,
  },
  {
    name: "appData offset overlapping the outcome",
    input: () => withWord(KNOWN, 128, 768n, 736n),
    error: DecodeOffsetError,
    field: "appData",
  },
  {
    name: "appData offset leaving a gap",
    input: () => withWord(KNOWN, 128, 768n, 800n),
    error: DecodeOffsetError,
    field: "appData",
  },
  {
    name: "assets offset pointing into the head",
    input: () => withWord(KNOWN, 192, 128n, 0n),
    error: DecodeOffsetError,
    field: "outcome.assets",
  },
  { name: "asset element offset misaligned", input: () => withWord(KNOWN, 352, 32n, 33n), error: DecodeOffsetError },
  { name: "ccHolder offset not 96", input: () => withWord(KNOWN, 448, 96n, 64n), error: DecodeOffsetError },
  { name: "balances row offset aliasing", input: () => withWord(KNOWN, 640, 32n, 0n), error: DecodeOffsetError },
  {
    name: "version word with bit 64 set",
    input: () => withByte(KNOWN, 64 + 23, 1),
    error: DecodeIntegerRangeError,
    field: "version",
  },
  { name: "version word with the top bit set", input: () => withByte(KNOWN, 64, 0x80), error: DecodeIntegerRangeError },
  {
    name: "indexMap word above 65535",
    input: () => withByte(RICH, R - 96 + 29, 1),
    error: DecodeIntegerRangeError,
    field: "outcome.locked[].indexMap",
  },
  {
    name: "ethHolder with high bits set",
    input: () => withByte(KNOWN, 416, 1),
    error: DecodeAddressError,
    field: "outcome.assets[].ethHolder",
  },
  { name: "ethHolder with byte 11 set", input: () => withByte(KNOWN, 416 + 11, 0xff), error: DecodeAddressError },
  { name: "isFinal = 2", input: () => withByte(KNOWN, 160 + 31, 2), error: DecodeBoolError, field: "isFinal" },
  { name: "isFinal with a high byte set", input: () => withByte(KNOWN, 160, 1), error: DecodeBoolError },
  {
    name: "dirty padding after appData",
    input: () => withByte(RICH, R - 1, 1),
    error: DecodePaddingError,
    field: "appData",
  },
  { name: "dirty padding right after the data", input: () => withByte(RICH, R - 27, 0x80), error: DecodePaddingError },
  {
    name: "assets length 2^32 - 1",
    input: () => withWord(KNOWN, 320, 1n, 0xffffffffn),
    error: DecodeLengthError,
    field: "outcome.assets",
  },
  { name: "assets length 2^255", input: () => withWord(KNOWN, 320, 1n, 1n << 255n), error: DecodeLengthError },
  {
    name: "backends length 10^6",
    input: () => withWord(KNOWN, 544, 1n, 1000000n),
    error: DecodeLengthError,
    field: "outcome.backends",
  },
  { name: "balances row length 2^40", input: () => withWord(KNOWN, 672, 2n, 1n << 40n), error: DecodeLengthError },
  { name: "ccHolder length 2^32 - 1", input: () => withWord(KNOWN, 480, 32n, 0xffffffffn), error: DecodeLengthError },
  {
    name: "locked length 1 with no room for a sub-allocation",
    input: () => withWord(KNOWN, 768, 0n, 1n),
    error: DecodeLengthError,
  },
  { name: "malformed hex string", input: () => "0xabc" as Hex, error: InvalidHexError },
];

describe("encoding: decodeState", () => {
  it("decodes the known-good and the rich state (hex or bytes input)", () => {
    expect(decodeState(KNOWN)).to.deep.equal(normalized(knownState()));
    expect(decodeState(toHex(RICH) as Hex)).to.deep.equal(normalized(richState()));
  });

  it("decodes a subarray view with a non-zero byteOffset", () => {
    const padded = concat(new Uint8Array(7), KNOWN);
    expect(decodeState(padded.subarray(7))).to.deep.equal(normalized(knownState()));
  });

  it("accepts the extreme valid words: version 2^64-1, isFinal 1, indexMap 65535", () => {
    const s = richState();
    s.version = (1n << 64n) - 1n;
    expect(decodeState(encodeState(s)).version).to.equal((1n << 64n) - 1n);
    expect(decodeState(RICH).outcome.locked[0].indexMap).to.deep.equal([0n, 3n, 65535n]);
  });

  it("does not allocate for a hostile length: rejects 2^32-1 assets in microseconds", () => {
    const bad = withWord(KNOWN, 320, 1n, 0xffffffffn);
    const t = process.hrtime.bigint();
    for (let i = 0; i < 100; i++) expect(() => decodeState(bad)).to.throw(DecodeLengthError);
    // 100 rejections well under a second even on a slow machine; an allocation of 2^32 slots would not be.
    expect(Number(process.hrtime.bigint() - t) / 1e9).to.be.lessThan(1);
  });

  for (const row of REJECT) {
    it(`rejects ${row.name} with ${row.error.name}`, () => {
      const e = expectExactError(() => decodeState(row.input()), row.error);
      if (row.field) expect(e.details.field).to.equal(row.field);
    });
  }
});
