import { expect } from "chai";
import { Wallet } from "ethers";
import { InvalidPrivateKeyError, addressFromPrivateKey, signData } from "../../src";
import { expectExactError } from "./support/expectError";
import { ADDRESS_A, ADDRESS_B, KEY_A, KEY_B } from "./support/fixtures";

const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const word = (x: bigint) => `0x${x.toString(16).padStart(64, "0")}` as `0x${string}`;

describe("encoding: addressFromPrivateKey and private-key validation", () => {
  it("derives the same addresses as ethers", () => {
    expect(addressFromPrivateKey(KEY_A)).to.equal(ADDRESS_A);
    expect(addressFromPrivateKey(KEY_B)).to.equal(ADDRESS_B);
    expect(addressFromPrivateKey(word(N - 1n))).to.equal(new Wallet(word(N - 1n)).address.toLowerCase());
    expect(addressFromPrivateKey(Uint8Array.from(Buffer.from(KEY_A.slice(2), "hex")))).to.equal(ADDRESS_A);
  });

  const BAD: [string, unknown][] = [
    ["zero", word(0n)],
    ["n", word(N)],
    ["2^256 - 1", word((1n << 256n) - 1n)],
    ["31 bytes", `0x${"11".repeat(31)}`],
    ["33 bytes", `0x${"11".repeat(33)}`],
    ["non-hex", `0x${"zz".repeat(32)}`],
    ["no prefix", "11".repeat(32)],
    ["a number", 17],
    ["16 raw bytes", new Uint8Array(16)],
  ];
  for (const [name, key] of BAD) {
    it(`rejects a private key that is ${name} with InvalidPrivateKeyError (for signing too)`, () => {
      const e = expectExactError(() => addressFromPrivateKey(key as `0x${string}`), InvalidPrivateKeyError);
      expectExactError(() => signData("0x", key as `0x${string}`), InvalidPrivateKeyError);
      // The error never carries the key material.
      expect(JSON.stringify(e.details)).to.not.include("zz");
      expect(e.message).to.not.include("1111111111");
    });
  }
});
