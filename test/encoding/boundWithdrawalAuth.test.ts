import { expect } from "chai";
import { AbiCoder, getBytes, hashMessage, id, keccak256, recoverAddress } from "ethers";
import type { BoundWithdrawalAuth } from "../../src";
import {
  BOUND_WITHDRAWAL_DOMAIN,
  IntegerOutOfRangeError,
  InvalidByteLengthError,
  InvalidValueTypeError,
  encodeBoundWithdrawalAuth,
  encodeWithdrawalAuth,
  signBoundWithdrawalAuth,
  signWithdrawalAuth,
  verifyBoundWithdrawalAuthSignature,
  verifyWithdrawalAuthSignature,
} from "../../src";
import { expectExactError } from "./support/expectError";
import { ADDRESS_A, ADDRESS_B, KEY_A, clone, knownWithdrawalAuth } from "./support/fixtures";
import { WITHDRAWAL_AUTH_TYPE, toHex } from "./support/oracle";

const HOLDER = `0x${"ab".repeat(20)}` as const;

function bound(): BoundWithdrawalAuth {
  return { auth: knownWithdrawalAuth(), holder: HOLDER, chainID: 1337n, nonce: 0n };
}

function ethersEncode(b: BoundWithdrawalAuth): string {
  return AbiCoder.defaultAbiCoder().encode(
    ["bytes32", "address", "uint256", "uint256", WITHDRAWAL_AUTH_TYPE],
    [BOUND_WITHDRAWAL_DOMAIN, b.holder, b.chainID, b.nonce, b.auth],
  );
}

describe("encoding: encodeBoundWithdrawalAuth / signBoundWithdrawalAuth / verifyBoundWithdrawalAuthSignature", () => {
  it('the domain tag is keccak256("perun-adjudicators/BoundWithdrawalAuth/v1")', () => {
    expect(BOUND_WITHDRAWAL_DOMAIN).to.equal(id("perun-adjudicators/BoundWithdrawalAuth/v1"));
  });

  it("matches ethers AbiCoder (domain, holder, chainID, nonce, WithdrawalAuth)", () => {
    expect(toHex(encodeBoundWithdrawalAuth(bound()))).to.equal(ethersEncode(bound()));
    const big = { ...bound(), chainID: (1n << 256n) - 1n, nonce: 12345678901234567890n };
    expect(toHex(encodeBoundWithdrawalAuth(big))).to.equal(ethersEncode(big));
  });

  it("a signature by A verifies for A and for nothing else: other holder, chain, nonce, amount, receiver, or the G3 message", () => {
    const sig = signBoundWithdrawalAuth(bound(), KEY_A);
    expect(
      recoverAddress(hashMessage(getBytes(keccak256(encodeBoundWithdrawalAuth(bound())))), sig).toLowerCase(),
    ).to.equal(ADDRESS_A);
    expect(verifyBoundWithdrawalAuthSignature(bound(), sig, ADDRESS_A)).to.equal(true);
    expect(verifyBoundWithdrawalAuthSignature(bound(), sig, ADDRESS_B)).to.equal(false);
    const variants: BoundWithdrawalAuth[] = [
      { ...bound(), holder: `0x${"ac".repeat(20)}` },
      { ...bound(), chainID: 1338n },
      { ...bound(), nonce: 1n },
      { ...bound(), auth: { ...knownWithdrawalAuth(), amount: knownWithdrawalAuth().amount + 1n } },
      { ...bound(), auth: { ...knownWithdrawalAuth(), receiver: ADDRESS_B } },
    ];
    for (const v of variants)
      expect(
        verifyBoundWithdrawalAuthSignature(v, sig, ADDRESS_A),
        JSON.stringify(v, (_, x) => (typeof x === "bigint" ? `${x}` : x)),
      ).to.equal(false);
    // The G3 signature and the bound one never stand in for each other.
    expect(verifyWithdrawalAuthSignature(knownWithdrawalAuth(), sig, ADDRESS_A)).to.equal(false);
    expect(
      verifyBoundWithdrawalAuthSignature(bound(), signWithdrawalAuth(knownWithdrawalAuth(), KEY_A), ADDRESS_A),
    ).to.equal(false);
    expect(toHex(encodeBoundWithdrawalAuth(bound()))).to.not.equal(toHex(encodeWithdrawalAuth(knownWithdrawalAuth())));
  });

  const rejects: {
    name: string;
    mutate: (b: BoundWithdrawalAuth) => void;
    error: typeof IntegerOutOfRangeError | typeof InvalidByteLengthError | typeof InvalidValueTypeError;
  }[] = [
    { name: "negative nonce", mutate: (b) => (b.nonce = -1n), error: IntegerOutOfRangeError },
    { name: "chainID = 2^256", mutate: (b) => (b.chainID = 1n << 256n), error: IntegerOutOfRangeError },
    { name: "holder of 19 bytes", mutate: (b) => (b.holder = `0x${"ab".repeat(19)}`), error: InvalidByteLengthError },
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    { name: "auth missing", mutate: (b) => ((b as any).auth = undefined), error: InvalidValueTypeError },
  ];
  for (const r of rejects) {
    it(`rejects ${r.name}: ${r.error.name}`, () => {
      const b = clone(bound());
      r.mutate(b);
      expectExactError(() => encodeBoundWithdrawalAuth(b), r.error);
    });
  }

  it("rejects a non-object: InvalidValueTypeError", () => {
    expectExactError(() => encodeBoundWithdrawalAuth(null as unknown as BoundWithdrawalAuth), InvalidValueTypeError);
  });
});
