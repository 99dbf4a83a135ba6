import { expect } from "chai";
import {
  DecodeOffsetError,
  DecodingError,
  EncodingError,
  IntegerOutOfRangeError,
  PerunError,
  SignatureError,
  SignatureHighSError,
  SignatureRecoveryError,
  recoverDataSigner,
} from "../../src";

describe("encoding: error classes", () => {
  it("carry name, message and frozen details, and derive from PerunError and Error", () => {
    const e = new IntegerOutOfRangeError("version", "uint64", 1n << 64n);
    expect(e).to.be.instanceOf(IntegerOutOfRangeError);
    expect(e).to.be.instanceOf(EncodingError);
    expect(e).to.be.instanceOf(PerunError);
    expect(e).to.be.instanceOf(Error);
    expect(e.name).to.equal("IntegerOutOfRangeError");
    expect(e.message).to.equal("version: 18446744073709551616 does not fit uint64");
    expect(e.details).to.deep.equal({ field: "version", type: "uint64", value: 1n << 64n });
    expect(Object.isFrozen(e.details)).to.equal(true);
  });

  it("serialise to JSON with bigints as decimal strings", () => {
    const e = new IntegerOutOfRangeError("version", "uint64", 1n << 64n);
    expect(JSON.parse(JSON.stringify(e))).to.deep.equal({
      name: "IntegerOutOfRangeError",
      message: "version: 18446744073709551616 does not fit uint64",
      details: { field: "version", type: "uint64", value: "18446744073709551616" },
    });
  });

  it("keep the three families apart", () => {
    expect(new DecodeOffsetError("x", 0, 32, 64n))
      .to.be.instanceOf(DecodingError)
      .and.not.instanceOf(EncodingError);
    expect(new SignatureHighSError(5n)).to.be.instanceOf(SignatureError).and.not.instanceOf(DecodingError);
  });

  it("keep the lower-level cause", () => {
    let thrown: unknown;
    try {
      // r = 5 is not the x-coordinate of a secp256k1 point: noble throws, we wrap it.
      recoverDataSigner("0x", `0x${"00".repeat(31)}05${"00".repeat(31)}011b`);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).to.be.instanceOf(SignatureRecoveryError);
    expect((thrown as Error).cause).to.be.instanceOf(Error);
  });
});
