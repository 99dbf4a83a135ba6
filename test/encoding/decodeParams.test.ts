import { expect } from "chai";
import type { Hex } from "../../src";
import {
  DecodeAddressError,
  DecodeBoolError,
  DecodeLengthError,
  DecodeOffsetError,
  DecodePaddingError,
  DecodeTrailingBytesError,
  DecodeTruncatedError,
  PerunError,
  decodeParams,
  encodeParams,
} from "../../src";
import { normalized } from "./support/arbitraries";
import { concat, withByte, withWord } from "./support/bytes";
import { expectExactError } from "./support/expectError";
import { ADDRESS_A, knownParams } from "./support/fixtures";

/*
 * Layout of the known-good params encoding (byte offsets):
 *   0 0x20 | 32 challengeDuration | 64 nonce | 96 participants offset (192) | 128 app
 *   160 ledgerChannel | 192 virtualChannel | 224 participants length 2
 *   256 p[0] offset 64 | 288 p[1] offset 192 | 320 p[0].ethAddress | 352 ccAddress offset 64
 *   384 ccAddress length 32 | 416 data | 448 p[1] … | 576 end
 */
const KNOWN = encodeParams(knownParams());
/** One participant with a 1-byte ccAddress: its 31 padding bytes end the encoding. */
const ODD = encodeParams({ ...knownParams(), participants: [{ ethAddress: ADDRESS_A, ccAddress: "0x01" }] });

type Row = {
  name: string;
  input: () => Uint8Array | Hex;
  error: abstract new (...args: never[]) => PerunError;
  field?: string;
};

const REJECT: Row[] = [
  { name: "truncated inside the head", input: () => KNOWN.subarray(0, 200), error: DecodeTruncatedError },
  { name: "truncated inside padding", input: () => ODD.subarray(0, ODD.length - 10), error: DecodeTruncatedError },
  {
    name: "truncated inside bytes data (declared length no longer fits)",
    input: () => KNOWN.subarray(0, KNOWN.length - 32),
    error: DecodeLengthError,
  },
  { name: "trailing bytes", input: () => concat(KNOWN, new Uint8Array([0])), error: DecodeTrailingBytesError },
  {
    name: "participants offset 0xe0",
    input: () => withWord(KNOWN, 96, 192n, 224n),
    error: DecodeOffsetError,
    field: "participants",
  },
  {
    name: "second participant aliasing the first",
    input: () => withWord(KNOWN, 288, 192n, 64n),
    error: DecodeOffsetError,
    field: "participants",
  },
  {
    name: "ccAddress offset 32 (overlapping its own head)",
    input: () => withWord(KNOWN, 352, 64n, 32n),
    error: DecodeOffsetError,
  },
  { name: "app with high bits set", input: () => withByte(KNOWN, 128, 0x01), error: DecodeAddressError, field: "app" },
  {
    name: "participant address with high bits set",
    input: () => withByte(KNOWN, 320 + 5, 0x10),
    error: DecodeAddressError,
    field: "participants[].ethAddress",
  },
  {
    name: "ledgerChannel = 0xff",
    input: () => withByte(KNOWN, 160 + 31, 0xff),
    error: DecodeBoolError,
    field: "ledgerChannel",
  },
  {
    name: "virtualChannel = 2",
    input: () => withByte(KNOWN, 192 + 31, 2),
    error: DecodeBoolError,
    field: "virtualChannel",
  },
  {
    name: "dirty ccAddress padding",
    input: () => withByte(ODD, ODD.length - 1, 7),
    error: DecodePaddingError,
    field: "participants[].ccAddress",
  },
  {
    name: "participants length 2^31",
    input: () => withWord(KNOWN, 224, 2n, 1n << 31n),
    error: DecodeLengthError,
    field: "participants",
  },
  {
    name: "participants length 3 (needs more room than left)",
    input: () => withWord(KNOWN, 224, 2n, 3n),
    error: DecodeLengthError,
  },
];

describe("encoding: decodeParams", () => {
  it("decodes the known-good params", () => {
    expect(decodeParams(KNOWN)).to.deep.equal(normalized(knownParams()));
    expect(decodeParams(ODD).participants[0].ccAddress).to.equal("0x01");
  });

  it("decodes uint256 words in full (challengeDuration = 2^256 - 1)", () => {
    const p = knownParams();
    p.challengeDuration = (1n << 256n) - 1n;
    p.nonce = 1n << 128n;
    const d = decodeParams(encodeParams(p));
    expect(d.challengeDuration).to.equal((1n << 256n) - 1n);
    expect(d.nonce).to.equal(1n << 128n);
  });

  for (const row of REJECT) {
    it(`rejects ${row.name} with ${row.error.name}`, () => {
      const e = expectExactError(() => decodeParams(row.input()), row.error);
      if (row.field) expect(e.details.field).to.equal(row.field);
    });
  }
});
