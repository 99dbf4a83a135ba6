import { expect } from "chai";
import {
  Signature as EthersSignature,
  computeAddress,
  getBytes,
  hashMessage,
  keccak256 as ethersKeccak,
  recoverAddress,
} from "ethers";
import type { Hex } from "../../src";
import {
  InvalidHexError,
  PerunError,
  SignatureHighSError,
  SignatureLengthError,
  SignatureRecoveryError,
  SignatureRRangeError,
  SignatureRZeroError,
  SignatureSignerMismatchError,
  SignatureSZeroError,
  SignatureVError,
  assertExpectedSigner,
  parseSignature,
  recoverDataSigner,
  signData,
  verifyDataSignature,
} from "../../src";
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { ADDRESS_A, ADDRESS_B, KEY_A, KEY_B } from "./support/fixtures";

const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const DATA = new Uint8Array([1, 2, 3, 4, 5]);
const VALID = signData(DATA, KEY_A);
/** eth_sign digest computed with ethers, independently of the library. */
const DIGEST = hashMessage(getBytes(ethersKeccak(DATA)));

const word = (x: bigint) => x.toString(16).padStart(64, "0");
const rOf = (sig: Hex) => BigInt(`0x${sig.slice(2, 66)}`);
const sOf = (sig: Hex) => BigInt(`0x${sig.slice(66, 130)}`);
const vOf = (sig: Hex) => parseInt(sig.slice(130, 132), 16);
const make = (r: bigint, s: bigint, v: number): Hex =>
  `0x${word(r)}${word(s)}${v.toString(16).padStart(2, "0")}` as Hex;

/** Smallest r < n that is not the x-coordinate of any curve point (so recovery must fail). */
function rWithoutCurvePoint(): bigint {
  for (let r = 1n; ; r++) {
    try {
      secp256k1.Point.fromHex(`02${word(r)}`);
    } catch {
      return r;
    }
  }
}

/** The malleable twin (n - s, flipped v) of the valid signature: same signer, high s. */
const HIGH_S = make(rOf(VALID), N - sOf(VALID), vOf(VALID) === 27 ? 28 : 27);

type Row = { name: string; sig: Hex | Uint8Array; error: new (...args: never[]) => PerunError };
const REJECT: Row[] = [
  { name: "high s (malleable twin of a valid signature)", sig: HIGH_S, error: SignatureHighSError },
  { name: "s = n", sig: make(rOf(VALID), N, 27), error: SignatureHighSError },
  { name: "s = n/2 + 1", sig: make(rOf(VALID), (N >> 1n) + 1n, 27), error: SignatureHighSError },
  { name: "v = 0", sig: make(rOf(VALID), sOf(VALID), 0), error: SignatureVError },
  { name: "v = 1", sig: make(rOf(VALID), sOf(VALID), 1), error: SignatureVError },
  { name: "v = 26", sig: make(rOf(VALID), sOf(VALID), 26), error: SignatureVError },
  { name: "v = 29", sig: make(rOf(VALID), sOf(VALID), 29), error: SignatureVError },
  { name: "v = 37 (EIP-155 style)", sig: make(rOf(VALID), sOf(VALID), 37), error: SignatureVError },
  {
    name: "64-byte EIP-2098 compact form",
    sig: EthersSignature.from(VALID).compactSerialized as Hex,
    error: SignatureLengthError,
  },
  { name: "64 bytes r ‖ s without v", sig: VALID.slice(0, 130) as Hex, error: SignatureLengthError },
  { name: "66 bytes (extra byte)", sig: `${VALID}00` as Hex, error: SignatureLengthError },
  { name: "empty", sig: "0x", error: SignatureLengthError },
  { name: "r = 0", sig: make(0n, sOf(VALID), 27), error: SignatureRZeroError },
  { name: "s = 0", sig: make(rOf(VALID), 0n, 27), error: SignatureSZeroError },
  { name: "r = n", sig: make(N, sOf(VALID), 27), error: SignatureRRangeError },
  { name: "r = 2^256 - 1", sig: make((1n << 256n) - 1n, sOf(VALID), 27), error: SignatureRRangeError },
  {
    name: "r not the x of a curve point",
    sig: make(rWithoutCurvePoint(), sOf(VALID), 27),
    error: SignatureRecoveryError,
  },
  { name: "malformed hex", sig: `0x${"zz".repeat(65)}` as Hex, error: InvalidHexError },
];

describe("encoding: signature acceptance policy (table)", () => {
  it("accepts a valid signature: recovers the signer, verifies, and ethers agrees", () => {
    expect(recoverDataSigner(DATA, VALID)).to.equal(ADDRESS_A);
    expect(verifyDataSignature(DATA, VALID, ADDRESS_A)).to.equal(true);
    expect(recoverAddress(DIGEST, VALID).toLowerCase()).to.equal(ADDRESS_A);
    const parsed = parseSignature(VALID);
    expect(parsed.r).to.equal(rOf(VALID));
    expect(parsed.s).to.equal(sOf(VALID));
    expect([27, 28]).to.include(parsed.v);
    expect(parsed.s <= N >> 1n).to.equal(true);
  });

  it("accepts s = n/2 exactly (the boundary is inclusive)", () => {
    // Not a signature by anyone in particular, but it must pass rules 1–4.
    expect(parseSignature(make(rOf(VALID), N >> 1n, 27)).s).to.equal(N >> 1n);
  });

  it("accepts bytes as well as hex", () => {
    expect(recoverDataSigner(DATA, Buffer.from(VALID.slice(2), "hex"))).to.equal(ADDRESS_A);
  });

  it("the high-s twin really is a signature by A that ethers would accept", () => {
    // Recover with noble directly: ethers would refuse to even parse a high-s signature.
    const twin = new secp256k1.Signature(rOf(HIGH_S), sOf(HIGH_S), vOf(HIGH_S) - 27);
    const publicKey = twin.recoverPublicKey(getBytes(DIGEST)).toBytes(false);
    expect(computeAddress(`0x${Buffer.from(publicKey).toString("hex")}`).toLowerCase()).to.equal(ADDRESS_A);
  });

  for (const row of REJECT) {
    it(`rejects ${row.name} with ${row.error.name}`, () => {
      let thrown: unknown;
      try {
        recoverDataSigner(DATA, row.sig);
      } catch (e) {
        thrown = e;
      }
      expect(thrown, "no error thrown").to.be.instanceOf(PerunError);
      // Exactly this class, not merely a sibling: each rule has its own error.
      expect((thrown as Error).constructor).to.equal(row.error);
      if (!(thrown instanceof InvalidHexError)) expect(verifyDataSignature(DATA, row.sig, ADDRESS_A)).to.equal(false);
    });
  }

  it("rejects a valid signature by the wrong signer with SignatureSignerMismatchError", () => {
    const byB = signData(DATA, KEY_B);
    expect(recoverDataSigner(DATA, byB)).to.equal(ADDRESS_B);
    expect(verifyDataSignature(DATA, byB, ADDRESS_A)).to.equal(false);
    expect(() => assertExpectedSigner(recoverDataSigner(DATA, byB), ADDRESS_A))
      .to.throw(SignatureSignerMismatchError)
      .with.property("details")
      .that.deep.equals({ expected: ADDRESS_A, recovered: ADDRESS_B });
  });

  it("rejects a signature over different data as a signer mismatch", () => {
    expect(verifyDataSignature(new Uint8Array([1, 2, 3, 4, 6]), VALID, ADDRESS_A)).to.equal(false);
  });

  it("every rejection class is distinct", () => {
    const classes = new Set([...REJECT.map((r) => r.error), SignatureSignerMismatchError]);
    expect(classes.size).to.equal(9);
  });
});

describe("encoding: digest-level helpers", () => {
  it("signDigest / recoverDigestSigner round-trip and reject digests that are not 32 bytes", async () => {
    const { signDigest, recoverDigestSigner, InvalidByteLengthError, InvalidValueTypeError } =
      await import("../../src");
    const digest = new Uint8Array(32).fill(9);
    expect(recoverDigestSigner(digest, signDigest(digest, KEY_A))).to.equal(ADDRESS_A);
    expect(() => signDigest(new Uint8Array(31), KEY_A)).to.throw(InvalidByteLengthError);
    expect(() => recoverDigestSigner(new Uint8Array(33), VALID)).to.throw(InvalidByteLengthError);
    expect(() => recoverDigestSigner("0x00" as never, VALID)).to.throw(InvalidValueTypeError);
  });
});
