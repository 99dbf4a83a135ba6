import { expect } from "chai";
import type { Hex } from "../../src";
import {
  IntegerOutOfRangeError,
  InvalidByteLengthError,
  SignatureHighSError,
  SignatureLengthError,
  recoverStateSigner,
  signState,
  verifyStateSignature,
} from "../../src";
import { expectExactError } from "./support/expectError";
import { ADDRESS_A, ADDRESS_A_CHECKSUMMED, ADDRESS_B, KEY_A, KEY_B, knownState, richState } from "./support/fixtures";

const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const SIG_A = signState(knownState(), KEY_A);
const highS = (sig: Hex): Hex => {
  const s = N - BigInt(`0x${sig.slice(66, 130)}`);
  const v = sig.slice(130) === "1b" ? "1c" : "1b";
  return `${sig.slice(0, 66)}${s.toString(16).padStart(64, "0")}${v}` as Hex;
};

describe("encoding: verifyStateSignature / recoverStateSigner", () => {
  const ROWS: {
    name: string;
    state: () => ReturnType<typeof knownState>;
    sig: Hex;
    signer: string;
    expected: boolean;
  }[] = [
    { name: "A's signature, A expected (lowercase)", state: knownState, sig: SIG_A, signer: ADDRESS_A, expected: true },
    {
      name: "A's signature, A expected (EIP-55)",
      state: knownState,
      sig: SIG_A,
      signer: ADDRESS_A_CHECKSUMMED,
      expected: true,
    },
    { name: "A's signature, B expected", state: knownState, sig: SIG_A, signer: ADDRESS_B, expected: false },
    { name: "A's signature on another state", state: richState, sig: SIG_A, signer: ADDRESS_A, expected: false },
    {
      name: "B's signature, B expected",
      state: knownState,
      sig: signState(knownState(), KEY_B),
      signer: ADDRESS_B,
      expected: true,
    },
    { name: "A's high-s twin", state: knownState, sig: highS(SIG_A), signer: ADDRESS_A, expected: false },
    {
      name: "truncated signature",
      state: knownState,
      sig: SIG_A.slice(0, 128) as Hex,
      signer: ADDRESS_A,
      expected: false,
    },
  ];
  for (const row of ROWS) {
    it(`${row.name} -> ${row.expected}`, () => {
      expect(verifyStateSignature(row.state(), row.sig, row.signer as Hex)).to.equal(row.expected);
    });
  }

  it("recoverStateSigner names the rule that a rejected signature broke", () => {
    expectExactError(() => recoverStateSigner(knownState(), highS(SIG_A)), SignatureHighSError);
    expectExactError(() => recoverStateSigner(knownState(), "0x"), SignatureLengthError);
  });

  it("throws (does not return false) for a malformed signer address or state: those are caller bugs", () => {
    expectExactError(() => verifyStateSignature(knownState(), SIG_A, "0x1234"), InvalidByteLengthError);
    const bad = knownState();
    bad.version = -1n;
    expectExactError(() => verifyStateSignature(bad, SIG_A, ADDRESS_A), IntegerOutOfRangeError);
  });
});
