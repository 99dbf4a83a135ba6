import { expect } from "chai";
import * as lib from "../../src";

/**
 * The API other components build on (common brief, "The library API"): these names must stay
 * exported from the package root with these kinds. Removing or renaming one breaks them.
 */
const FUNCTIONS = [
  "encodeParams",
  "encodeState",
  "decodeParams",
  "decodeState",
  "encodeWithdrawalAuth",
  "channelId",
  "hashState",
  "fundingId",
  "signState",
  "recoverStateSigner",
  "verifyStateSignature",
  "signWithdrawalAuth",
  "recoverWithdrawalAuthSigner",
  "signData",
  "recoverDataSigner",
  "addressFromPrivateKey",
];
const ERROR_CLASSES = [
  "PerunError",
  "EncodingError",
  "DecodingError",
  "SignatureError",
  "SignatureLengthError",
  "SignatureVError",
  "SignatureRZeroError",
  "SignatureRRangeError",
  "SignatureSZeroError",
  "SignatureHighSError",
  "SignatureZeroAddressError",
  "SignatureSignerMismatchError",
];

describe("encoding: public API of the package root", () => {
  for (const name of FUNCTIONS) {
    it(`exports function ${name}`, () => {
      expect(typeof (lib as Record<string, unknown>)[name]).to.equal("function");
    });
  }

  it("exports the backend IDs as bigints", () => {
    expect(lib.BACKEND_ETH).to.equal(1n);
    expect(lib.BACKEND_CKB).to.equal(3n);
    expect(typeof lib.BACKEND_ICP).to.equal("bigint");
  });

  it("exports the error classes, all deriving from PerunError", () => {
    for (const name of ERROR_CLASSES) {
      const cls = (lib as Record<string, unknown>)[name] as { prototype: unknown };
      expect(typeof cls, name).to.equal("function");
      expect(cls === lib.PerunError || cls.prototype instanceof lib.PerunError, name).to.equal(true);
    }
  });
});
