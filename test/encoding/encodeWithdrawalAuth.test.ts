import { expect } from "chai";
import type { WithdrawalAuth } from "../../src";
import {
  AddressChecksumError,
  IntegerOutOfRangeError,
  InvalidByteLengthError,
  InvalidValueTypeError,
  PerunError,
  encodeWithdrawalAuth,
  recoverWithdrawalAuthSigner,
  signWithdrawalAuth,
  verifyWithdrawalAuthSignature,
} from "../../src";
import { expectExactError } from "./support/expectError";
import { ADDRESS_A, KEY_A, clone, knownWithdrawalAuth } from "./support/fixtures";
import { ethersEncodeWithdrawalAuth, toHex } from "./support/oracle";

type Mutation = {
  name: string;
  mutate: (a: WithdrawalAuth) => void;
  error: abstract new (...args: never[]) => PerunError;
  field?: string;
};

/* eslint-disable @typescript-eslint/no-explicit-any */
const REJECT: Mutation[] = [
  { name: "negative amount", mutate: (a) => (a.amount = -1n), error: IntegerOutOfRangeError, field: "amount" },
  { name: "amount = 2^256", mutate: (a) => (a.amount = 1n << 256n), error: IntegerOutOfRangeError, field: "amount" },
  {
    name: "receiver of 19 bytes",
    mutate: (a) => (a.receiver = `0x${"cd".repeat(19)}`),
    error: InvalidByteLengthError,
    field: "receiver",
  },
  {
    name: "receiver with a bad checksum",
    mutate: (a) => (a.receiver = "0xcDcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd"),
    error: AddressChecksumError,
    field: "receiver",
  },
  {
    name: "participant missing",
    mutate: (a) => ((a as any).participant = undefined),
    error: InvalidValueTypeError,
    field: "participant",
  },
  {
    name: "participant address of 32 bytes",
    mutate: (a) => (a.participant.ethAddress = `0x${"00".repeat(32)}`),
    error: InvalidByteLengthError,
    field: "participant.ethAddress",
  },
  {
    name: "channelID of 0 bytes",
    mutate: (a) => (a.channelID = "0x"),
    error: InvalidByteLengthError,
    field: "channelID",
  },
];
/* eslint-enable @typescript-eslint/no-explicit-any */

describe("encoding: encodeWithdrawalAuth / signWithdrawalAuth", () => {
  it("matches ethers AbiCoder", () => {
    expect(toHex(encodeWithdrawalAuth(knownWithdrawalAuth()))).to.equal(
      ethersEncodeWithdrawalAuth(knownWithdrawalAuth()),
    );
  });

  it("a withdrawal authorisation signed by A recovers to A", () => {
    const sig = signWithdrawalAuth(knownWithdrawalAuth(), KEY_A);
    expect(recoverWithdrawalAuthSigner(knownWithdrawalAuth(), sig)).to.equal(ADDRESS_A);
    const other = knownWithdrawalAuth();
    other.amount += 1n;
    expect(recoverWithdrawalAuthSigner(other, sig)).to.not.equal(ADDRESS_A);
    expect(verifyWithdrawalAuthSignature(knownWithdrawalAuth(), sig, ADDRESS_A)).to.equal(true);
    expect(verifyWithdrawalAuthSignature(other, sig, ADDRESS_A)).to.equal(false);
  });

  for (const row of REJECT) {
    it(`rejects ${row.name} with ${row.error.name}`, () => {
      const a = clone(knownWithdrawalAuth());
      row.mutate(a);
      const e = expectExactError(() => encodeWithdrawalAuth(a), row.error);
      if (row.field) expect(e.details.field).to.equal(row.field);
    });
  }
});
