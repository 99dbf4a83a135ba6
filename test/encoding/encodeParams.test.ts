import { expect } from "chai";
import type { Params } from "../../src";
import {
  AddressChecksumError,
  IntegerOutOfRangeError,
  InvalidByteLengthError,
  InvalidHexError,
  InvalidValueTypeError,
  PerunError,
  encodeParams,
} from "../../src";
import { expectExactError } from "./support/expectError";
import { ADDRESS_A, ADDRESS_A_CHECKSUMMED, clone, knownParams } from "./support/fixtures";
import { ethersEncodeParams, toHex } from "./support/oracle";

type Mutation = {
  name: string;
  mutate: (p: Params) => void;
  error: abstract new (...args: never[]) => PerunError;
  field?: string;
};

/* eslint-disable @typescript-eslint/no-explicit-any */
const REJECT: Mutation[] = [
  {
    name: "negative challengeDuration",
    mutate: (p) => (p.challengeDuration = -1n),
    error: IntegerOutOfRangeError,
    field: "challengeDuration",
  },
  {
    name: "challengeDuration = 2^256",
    mutate: (p) => (p.challengeDuration = 1n << 256n),
    error: IntegerOutOfRangeError,
    field: "challengeDuration",
  },
  {
    name: "nonce = 2^256 + 5 (never wrapped)",
    mutate: (p) => (p.nonce = (1n << 256n) + 5n),
    error: IntegerOutOfRangeError,
    field: "nonce",
  },
  {
    name: "challengeDuration as a number",
    mutate: (p) => ((p as any).challengeDuration = 60),
    error: InvalidValueTypeError,
    field: "challengeDuration",
  },
  { name: "nonce as a string", mutate: (p) => ((p as any).nonce = "1"), error: InvalidValueTypeError, field: "nonce" },
  {
    name: "participants not an array",
    mutate: (p) => ((p as any).participants = {}),
    error: InvalidValueTypeError,
    field: "participants",
  },
  {
    name: "participant null",
    mutate: (p) => ((p as any).participants[1] = null),
    error: InvalidValueTypeError,
    field: "participants[1]",
  },
  {
    name: "ethAddress of 19 bytes",
    mutate: (p) => (p.participants[1].ethAddress = `0x${"11".repeat(19)}`),
    error: InvalidByteLengthError,
    field: "participants[1].ethAddress",
  },
  {
    name: "ethAddress of 21 bytes (never truncated)",
    mutate: (p) => (p.participants[0].ethAddress = `${ADDRESS_A}00` as any),
    error: InvalidByteLengthError,
    field: "participants[0].ethAddress",
  },
  {
    name: "ethAddress without 0x",
    mutate: (p) => ((p.participants[0] as any).ethAddress = ADDRESS_A.slice(2)),
    error: InvalidHexError,
    field: "participants[0].ethAddress",
  },
  {
    name: "ethAddress with 0X prefix",
    mutate: (p) => ((p.participants[0] as any).ethAddress = `0X${ADDRESS_A.slice(2)}`),
    error: InvalidHexError,
  },
  {
    name: "ethAddress with a non-hex digit",
    mutate: (p) => (p.participants[0].ethAddress = `0x${"g".repeat(40)}`),
    error: InvalidHexError,
  },
  {
    name: "ethAddress with a non-ASCII digit",
    mutate: (p) => (p.participants[0].ethAddress = `0x${"١".repeat(40)}`),
    error: InvalidHexError,
  },
  {
    name: "mixed-case ethAddress with a wrong EIP-55 checksum",
    mutate: (p) => (p.participants[0].ethAddress = ADDRESS_A_CHECKSUMMED.replace("E7e7e", "E7E7e") as any),
    error: AddressChecksumError,
    field: "participants[0].ethAddress",
  },
  {
    name: "ccAddress with odd digit count",
    mutate: (p) => (p.participants[0].ccAddress = "0x123"),
    error: InvalidHexError,
    field: "participants[0].ccAddress",
  },
  {
    name: "ccAddress not a string",
    mutate: (p) => ((p.participants[0] as any).ccAddress = new Uint8Array(2)),
    error: InvalidValueTypeError,
  },
  {
    name: "app of 32 bytes",
    mutate: (p) => (p.app = `0x${"00".repeat(32)}`),
    error: InvalidByteLengthError,
    field: "app",
  },
  { name: "app undefined", mutate: (p) => ((p as any).app = undefined), error: InvalidValueTypeError, field: "app" },
  {
    name: "ledgerChannel as 1",
    mutate: (p) => ((p as any).ledgerChannel = 1),
    error: InvalidValueTypeError,
    field: "ledgerChannel",
  },
  {
    name: "virtualChannel as 'false'",
    mutate: (p) => ((p as any).virtualChannel = "false"),
    error: InvalidValueTypeError,
    field: "virtualChannel",
  },
];
/* eslint-enable @typescript-eslint/no-explicit-any */

describe("encoding: encodeParams", () => {
  it("matches ethers on the known-good params, starting with the offset word 0x20", () => {
    const out = encodeParams(knownParams());
    expect(toHex(out)).to.equal(ethersEncodeParams(knownParams()));
    expect(toHex(out.subarray(0, 32))).to.equal(`0x${"00".repeat(31)}20`);
    expect(out.length).to.equal(576);
  });

  it("accepts lowercase, uppercase and EIP-55 addresses alike", () => {
    const spellings = [ADDRESS_A, `0x${ADDRESS_A.slice(2).toUpperCase()}`, ADDRESS_A_CHECKSUMMED];
    const encodings = spellings.map((a) => {
      const p = knownParams();
      p.participants[0].ethAddress = a as `0x${string}`;
      return toHex(encodeParams(p));
    });
    expect(new Set(encodings).size).to.equal(1);
  });

  it("accepts the extremes: no participants, uint256 max, long ccAddress", () => {
    const p = knownParams();
    p.participants = [];
    p.challengeDuration = (1n << 256n) - 1n;
    expect(toHex(encodeParams(p))).to.equal(ethersEncodeParams(p));
    p.participants = [{ ethAddress: ADDRESS_A, ccAddress: `0x${"ab".repeat(1000)}` }];
    expect(toHex(encodeParams(p))).to.equal(ethersEncodeParams(p));
  });

  it("rejects a non-object", () => {
    expectExactError(() => encodeParams(null as never), InvalidValueTypeError);
  });

  for (const row of REJECT) {
    it(`rejects ${row.name} with ${row.error.name}`, () => {
      const p = clone(knownParams());
      row.mutate(p);
      const e = expectExactError(() => encodeParams(p), row.error);
      if (row.field) expect(e.details.field).to.equal(row.field);
    });
  }
});
