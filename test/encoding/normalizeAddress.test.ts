import { expect } from "chai";
import { getAddress } from "ethers";
import {
  AddressChecksumError,
  InvalidByteLengthError,
  InvalidHexError,
  InvalidValueTypeError,
  PerunError,
  normalizeAddress,
  toChecksumAddress,
} from "../../src";
import { expectExactError } from "./support/expectError";
import { ADDRESS_A, ADDRESS_A_CHECKSUMMED, ADDRESS_B } from "./support/fixtures";

const REJECT: { name: string; value: unknown; error: abstract new (...args: never[]) => PerunError }[] = [
  { name: "wrong EIP-55 checksum", value: ADDRESS_A_CHECKSUMMED.replace("19E7", "19e7"), error: AddressChecksumError },
  { name: "19 bytes", value: ADDRESS_A.slice(0, 40), error: InvalidByteLengthError },
  { name: "21 bytes", value: `${ADDRESS_A}ff`, error: InvalidByteLengthError },
  { name: "odd digit count", value: `${ADDRESS_A}f`, error: InvalidHexError },
  { name: "no prefix", value: ADDRESS_A.slice(2), error: InvalidHexError },
  { name: "non-hex digit", value: `0x${"x".repeat(40)}`, error: InvalidHexError },
  { name: "a number", value: 5, error: InvalidValueTypeError },
  { name: "bytes", value: new Uint8Array(20), error: InvalidValueTypeError },
];

describe("encoding: normalizeAddress / toChecksumAddress", () => {
  it("lowercases lowercase, uppercase and EIP-55 spellings to one form", () => {
    for (const a of [ADDRESS_A, `0x${ADDRESS_A.slice(2).toUpperCase()}`, ADDRESS_A_CHECKSUMMED]) {
      expect(normalizeAddress(a)).to.equal(ADDRESS_A);
    }
  });

  it("checksums exactly like ethers getAddress", () => {
    expect(toChecksumAddress(ADDRESS_A)).to.equal(ADDRESS_A_CHECKSUMMED);
    expect(toChecksumAddress(ADDRESS_B)).to.equal(getAddress(ADDRESS_B));
    for (let i = 0; i < 50; i++) {
      const a = `0x${i.toString(16).padStart(2, "0").repeat(20)}`;
      expect(toChecksumAddress(a)).to.equal(getAddress(a));
    }
  });

  for (const row of REJECT) {
    it(`rejects ${row.name} with ${row.error.name}`, () => {
      expectExactError(() => normalizeAddress(row.value as string), row.error);
    });
  }
});
