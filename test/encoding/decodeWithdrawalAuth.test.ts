import { expect } from "chai";
import {
  DecodeAddressError,
  DecodeOffsetError,
  DecodeTrailingBytesError,
  DecodeTruncatedError,
  decodeWithdrawalAuth,
  encodeWithdrawalAuth,
} from "../../src";
import { normalized } from "./support/arbitraries";
import { concat, withByte, withWord } from "./support/bytes";
import { expectExactError } from "./support/expectError";
import { knownWithdrawalAuth } from "./support/fixtures";

/* Layout: 0 0x20 | 32 channelID | 64 participant offset (128) | 96 receiver | 128 amount | 160 participant … */
const KNOWN = encodeWithdrawalAuth(knownWithdrawalAuth());

describe("encoding: decodeWithdrawalAuth", () => {
  it("round-trips the known authorisation", () => {
    expect(decodeWithdrawalAuth(KNOWN)).to.deep.equal(normalized(knownWithdrawalAuth()));
  });

  it("rejects truncation, trailing bytes, a moved participant and a dirty receiver word", () => {
    expectExactError(() => decodeWithdrawalAuth(KNOWN.subarray(0, 150)), DecodeTruncatedError);
    expectExactError(() => decodeWithdrawalAuth(concat(KNOWN, new Uint8Array(32))), DecodeTrailingBytesError);
    expectExactError(() => decodeWithdrawalAuth(withWord(KNOWN, 64, 128n, 160n)), DecodeOffsetError);
    expectExactError(() => decodeWithdrawalAuth(withByte(KNOWN, 96, 1)), DecodeAddressError);
  });
});
