import { expect } from "chai";
import fc from "fast-check";
import { propTitle } from "../support/propertyRuns";
import { channelId, encodeParams, encodeState, encodeWithdrawalAuth, fundingId, hashState } from "../../src";
import { addressArb, bytes32Arb, paramsArb, propOptions, stateArb, withdrawalAuthArb } from "./support/arbitraries";
import {
  ethersEncodeParams,
  ethersEncodeState,
  ethersEncodeWithdrawalAuth,
  ethersFundingId,
  toHex,
} from "./support/oracle";
import { keccak256 } from "ethers";

/** The hand-written encoders agree byte for byte with ethers v6 AbiCoder (test-only oracle). */
describe("encoding: equality with ethers AbiCoder (property)", () => {
  it(propTitle("encodeParams(p) = AbiCoder.encode([Params], [p]) and channelId = keccak of it", propOptions()), () => {
    fc.assert(
      fc.property(paramsArb, (p) => {
        const expected = ethersEncodeParams(p);
        expect(toHex(encodeParams(p))).to.equal(expected);
        expect(channelId(p)).to.equal(keccak256(expected));
      }),
      propOptions(),
    );
  });

  it(propTitle("encodeState(s) = AbiCoder.encode([State], [s]) and hashState = keccak of it", propOptions()), () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        const expected = ethersEncodeState(s);
        expect(toHex(encodeState(s))).to.equal(expected);
        expect(hashState(s)).to.equal(keccak256(expected));
      }),
      propOptions(),
    );
  });

  it(propTitle("encodeWithdrawalAuth(a) = AbiCoder.encode([WithdrawalAuth], [a])", propOptions()), () => {
    fc.assert(
      fc.property(withdrawalAuthArb, (a) => {
        expect(toHex(encodeWithdrawalAuth(a))).to.equal(ethersEncodeWithdrawalAuth(a));
      }),
      propOptions(),
    );
  });

  it(propTitle("fundingId(c, a) = keccak256(AbiCoder.encode([bytes32, address], [c, a]))", propOptions()), () => {
    fc.assert(
      fc.property(bytes32Arb, addressArb, (c, a) => {
        expect(fundingId(c, a)).to.equal(ethersFundingId(c, a));
      }),
      propOptions(),
    );
  });
});
