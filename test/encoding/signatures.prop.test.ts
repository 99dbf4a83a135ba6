import { expect } from "chai";
import fc from "fast-check";
import { propTitle } from "../support/propertyRuns";
import { SigningKey, Wallet, getBytes, hashMessage, keccak256 as ethersKeccak, recoverAddress } from "ethers";
import type { Hex } from "../../src";
import { PerunError, SignatureError, addressFromPrivateKey, recoverDataSigner, signData } from "../../src";
import { propOptions } from "./support/arbitraries";

const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const hex = (b: Uint8Array) => `0x${Buffer.from(b).toString("hex")}` as Hex;

const keyArb = fc
  .uint8Array({ minLength: 32, maxLength: 32 })
  .filter((k) => {
    const x = BigInt(hex(k));
    return x > 0n && x < N;
  })
  .map(hex);
const dataArb = fc.uint8Array({ maxLength: 200 });

/** Independent statement of the DESIGN.md §2 policy rules 1–4, for comparison. */
function policyAccepts(sig: Uint8Array): boolean {
  if (sig.length !== 65) return false;
  const r = BigInt(hex(sig.subarray(0, 32)));
  const s = BigInt(hex(sig.subarray(32, 64)));
  const v = sig[64];
  return (v === 27 || v === 28) && r > 0n && r < N && s > 0n && s <= N / 2n;
}

describe("encoding: signatures agree with ethers (property)", () => {
  it(
    propTitle("signData = ethers SigningKey.sign(eth_sign digest); both recover the key's address", propOptions()),
    () => {
      fc.assert(
        fc.property(keyArb, dataArb, (key, data) => {
          const ours = signData(data, key);
          const digest = hashMessage(getBytes(ethersKeccak(data)));
          const theirs = new SigningKey(key).sign(digest).serialized;
          expect(ours).to.equal(theirs.toLowerCase());
          const address = new Wallet(key).address.toLowerCase();
          expect(addressFromPrivateKey(key)).to.equal(address);
          expect(recoverDataSigner(data, ours)).to.equal(address);
        }),
        propOptions(),
      );
    },
  );

  it(
    propTitle(
      "a one-byte mutation of a signature is accepted iff the policy allows it, and then recovers like ethers",
      propOptions(),
    ),
    () => {
      fc.assert(
        fc.property(
          keyArb,
          dataArb,
          fc.integer({ min: 0, max: 64 }),
          fc.integer({ min: 1, max: 255 }),
          (key, data, pos, delta) => {
            const sig = getBytes(signData(data, key));
            sig[pos] ^= delta;
            const digest = hashMessage(getBytes(ethersKeccak(data)));
            let ours: string | undefined;
            try {
              ours = recoverDataSigner(data, sig);
            } catch (e) {
              expect(e).to.be.instanceOf(SignatureError);
            }
            if (!policyAccepts(sig)) {
              expect(ours, "policy violation accepted").to.equal(undefined);
              return;
            }
            let theirs: string | undefined;
            try {
              theirs = recoverAddress(digest, hex(sig)).toLowerCase();
            } catch {
              theirs = undefined; // no curve point for r: both must reject
            }
            expect(ours).to.equal(theirs);
          },
        ),
        propOptions(),
      );
    },
  );

  it(propTitle("random 0..70-byte strings never crash recovery: address or SignatureError", propOptions()), () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70 }), (sig) => {
        try {
          const address = recoverDataSigner(new Uint8Array([1]), sig);
          expect(policyAccepts(sig)).to.equal(true);
          expect(address).to.match(/^0x[0-9a-f]{40}$/);
        } catch (e) {
          expect(e).to.be.instanceOf(PerunError);
        }
      }),
      propOptions(),
    );
  });
});
