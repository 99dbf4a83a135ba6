import { expect } from "chai";
import { Wallet, getBytes, keccak256 as ethersKeccak } from "ethers";
import { channelId, encodeState, hashState, recoverStateSigner, signState, verifyStateSignature } from "../../src";
import {
  ADDRESS_A,
  ADDRESS_A_CHECKSUMMED,
  ADDRESS_B,
  KEY_A,
  KEY_B,
  KNOWN_CHANNEL_ID,
  KNOWN_STATE_HASH,
  knownParams,
  knownState,
} from "./support/fixtures";

/** DESIGN.md §2 known-good vector, checked upstream against the compiled perun-eth-contracts. */
describe("encoding: DESIGN.md known-good vector", () => {
  it("channelId(params) = 0x5822dd7a…0b9f", () => {
    expect(channelId(knownParams())).to.equal(KNOWN_CHANNEL_ID);
  });

  it("hashState(state) = 0x22bd439b…31fe", () => {
    expect(hashState(knownState())).to.equal(KNOWN_STATE_HASH);
  });

  it("a signature by key A recovers to A's address", () => {
    const sig = signState(knownState(), KEY_A);
    expect(sig).to.match(/^0x[0-9a-f]{130}$/);
    expect(recoverStateSigner(knownState(), sig)).to.equal(ADDRESS_A);
    expect(verifyStateSignature(knownState(), sig, ADDRESS_A_CHECKSUMMED)).to.equal(true);
    expect(verifyStateSignature(knownState(), sig, ADDRESS_B)).to.equal(false);
  });

  it("the signature equals ethers' Wallet.signMessage over keccak256(encoding) (both RFC 6979)", async () => {
    const ours = signState(knownState(), KEY_A);
    const theirs = await new Wallet(KEY_A).signMessage(getBytes(ethersKeccak(encodeState(knownState()))));
    expect(ours).to.equal(theirs.toLowerCase());
  });

  it("key B signs too and recovers to B", () => {
    const sig = signState(knownState(), KEY_B);
    expect(recoverStateSigner(knownState(), sig)).to.equal(ADDRESS_B);
  });
});
