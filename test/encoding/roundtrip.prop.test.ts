import { expect } from "chai";
import fc from "fast-check";
import { propTitle } from "../support/propertyRuns";
import {
  decodeParams,
  decodeState,
  decodeWithdrawalAuth,
  encodeParams,
  encodeState,
  encodeWithdrawalAuth,
} from "../../src";
import { normalized, paramsArb, propOptions, stateArb, withdrawalAuthArb } from "./support/arbitraries";
import { toHex } from "./support/oracle";

/** decode(encode(x)) == x (modulo hex case, which decoders normalise to lowercase). */
describe("encoding: decode(encode(x)) == x (property)", () => {
  it(propTitle("Params", propOptions()), () => {
    fc.assert(
      fc.property(paramsArb, (p) => {
        const bytes = encodeParams(p);
        expect(decodeParams(bytes)).to.deep.equal(normalized(p));
        expect(decodeParams(toHex(bytes) as `0x${string}`)).to.deep.equal(normalized(p));
      }),
      propOptions(),
    );
  });

  it(propTitle("State", propOptions()), () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        expect(decodeState(encodeState(s))).to.deep.equal(normalized(s));
      }),
      propOptions(),
    );
  });

  it(propTitle("WithdrawalAuth", propOptions()), () => {
    fc.assert(
      fc.property(withdrawalAuthArb, (a) => {
        expect(decodeWithdrawalAuth(encodeWithdrawalAuth(a))).to.deep.equal(normalized(a));
      }),
      propOptions(),
    );
  });
});
