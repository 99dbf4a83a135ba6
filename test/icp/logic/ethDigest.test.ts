import { expect } from "chai";
import { ethDigestOfHash } from "../../../canisters/adjudicator/src/logic/ethDigest";
import { ethSignedMessageDigest } from "../../../src/encoding/hashEthSignedMessage";
import { keccak256 } from "../../../src/encoding/internal/crypto";

describe("ICP logic: ethDigestOfHash", () => {
  it("equals the library's eth_sign digest for data of several lengths", () => {
    for (const n of [0, 1, 31, 32, 33, 832]) {
      const data = Uint8Array.from({ length: n }, (_, i) => (i * 7 + n) & 0xff);
      expect(ethDigestOfHash(keccak256(data))).to.deep.equal(ethSignedMessageDigest(data));
    }
  });
});
