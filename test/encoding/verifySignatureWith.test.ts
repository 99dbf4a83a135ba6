import { expect } from "chai";
import fc from "fast-check";
import { keccak_256 } from "@noble/hashes/sha3.js";
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { ethSignedMessageDigest } from "../../src/encoding/hashEthSignedMessage";
import { parseSignature, recoverDigestSigner } from "../../src/encoding/signaturePolicy";
import { SIGNATURE_OK, signatureRuleViolation } from "../../src/encoding/signatureRules";
import { signData } from "../../src/encoding/signData";
import { addressFromPrivateKey } from "../../src/encoding/addressFromPrivateKey";
import { ethSignedDigestWith, verifySignatureWith, type SignatureCrypto } from "../../src/encoding/verifySignatureWith";
import { PROP_RUNS, PROP_SEED } from "./support/arbitraries";

/** The @noble primitives behind the injectable interface (what the CKB scripts get natively). */
const NOBLE: SignatureCrypto = {
  keccak256: (d) => keccak_256(d),
  recoverPublicKey(digest, rs, recovery) {
    try {
      const r = BigInt("0x" + Buffer.from(rs.subarray(0, 32)).toString("hex"));
      const s = BigInt("0x" + Buffer.from(rs.subarray(32, 64)).toString("hex"));
      return new secp256k1.Signature(r, s, recovery).recoverPublicKey(digest).toBytes(false);
    } catch {
      return null;
    }
  },
};

const KEY = ("0x" + "11".repeat(32)) as `0x${string}`;
const ADDRESS = addressFromPrivateKey(KEY);

describe("encoding: byte-level rules and the injectable policy agree with the library's policy", () => {
  it("ethSignedDigestWith equals ethSignedMessageDigest", () => {
    const data = new Uint8Array([1, 2, 3]);
    expect(ethSignedDigestWith(NOBLE, keccak_256(data))).to.deep.equal(ethSignedMessageDigest(data));
  });

  it("accept/reject of verifySignatureWith equals parseSignature + recoverDigestSigner + signer check (property)", () => {
    const data = new Uint8Array([9, 8, 7]);
    const digest = ethSignedMessageDigest(data);
    const good = Buffer.from(signData(data, KEY).slice(2), "hex");
    const expected = Buffer.from(ADDRESS.slice(2), "hex");
    fc.assert(
      fc.property(fc.nat(64), fc.integer({ min: 0, max: 255 }), fc.boolean(), (at, xor, wrongSigner) => {
        const sig = new Uint8Array(good);
        sig[at] ^= xor;
        const want = wrongSigner ? new Uint8Array(20).fill(7) : expected;
        let lib: boolean;
        try {
          lib = recoverDigestSigner(digest, sig) === "0x" + Buffer.from(want).toString("hex");
        } catch {
          lib = false;
        }
        const rule = verifySignatureWith(NOBLE, digest, sig, 0, want, 0);
        expect(rule === SIGNATURE_OK, `rule ${rule}`).to.equal(lib);
        let parsed = true;
        try {
          parseSignature(sig);
        } catch {
          parsed = false;
        }
        expect(signatureRuleViolation(sig) === SIGNATURE_OK).to.equal(parsed);
      }),
      { numRuns: Math.min(PROP_RUNS, 300), seed: PROP_SEED },
    );
  });
});
