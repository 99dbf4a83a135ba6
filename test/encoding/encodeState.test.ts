import { expect } from "chai";
import type { State } from "../../src";
import {
  IntegerOutOfRangeError,
  InvalidByteLengthError,
  InvalidHexError,
  InvalidValueTypeError,
  PerunError,
  encodeState,
} from "../../src";
import { expectExactError } from "./support/expectError";
import { clone, knownState, richState } from "./support/fixtures";
import { ethersEncodeState, toHex } from "./support/oracle";

type Mutation = {
  name: string;
  mutate: (s: State) => void;
  error: abstract new (...args: never[]) => PerunError;
  field?: string;
};

/* eslint-disable @typescript-eslint/no-explicit-any */
const REJECT: Mutation[] = [
  {
    name: "version = 2^64 (uint64 overflow)",
    mutate: (s) => (s.version = 1n << 64n),
    error: IntegerOutOfRangeError,
    field: "version",
  },
  { name: "negative version", mutate: (s) => (s.version = -1n), error: IntegerOutOfRangeError, field: "version" },
  {
    name: "version as a number",
    mutate: (s) => ((s as any).version = 0),
    error: InvalidValueTypeError,
    field: "version",
  },
  {
    name: "channelID of 31 bytes",
    mutate: (s) => (s.channelID = `0x${"00".repeat(31)}`),
    error: InvalidByteLengthError,
    field: "channelID",
  },
  {
    name: "channelID of 33 bytes (never truncated)",
    mutate: (s) => (s.channelID = `0x${"00".repeat(33)}`),
    error: InvalidByteLengthError,
    field: "channelID",
  },
  {
    name: "appData with odd digit count",
    mutate: (s) => (s.appData = "0x0"),
    error: InvalidHexError,
    field: "appData",
  },
  { name: "appData with a bad digit", mutate: (s) => (s.appData = "0x0g"), error: InvalidHexError, field: "appData" },
  { name: "isFinal as 0", mutate: (s) => ((s as any).isFinal = 0), error: InvalidValueTypeError, field: "isFinal" },
  {
    name: "outcome missing",
    mutate: (s) => ((s as any).outcome = undefined),
    error: InvalidValueTypeError,
    field: "outcome",
  },
  {
    name: "negative balance",
    mutate: (s) => (s.outcome.balances[0][1] = -5n),
    error: IntegerOutOfRangeError,
    field: "outcome.balances[0][1]",
  },
  {
    name: "balance = 2^256",
    mutate: (s) => (s.outcome.balances[2][3] = 1n << 256n),
    error: IntegerOutOfRangeError,
    field: "outcome.balances[2][3]",
  },
  {
    name: "balances row not an array",
    mutate: (s) => ((s.outcome.balances as any)[1] = 5n),
    error: InvalidValueTypeError,
    field: "outcome.balances[1]",
  },
  {
    name: "backend = 2^256",
    mutate: (s) => (s.outcome.backends[1] = 1n << 256n),
    error: IntegerOutOfRangeError,
    field: "outcome.backends[1]",
  },
  {
    name: "asset chainID negative",
    mutate: (s) => (s.outcome.assets[2].chainID = -1n),
    error: IntegerOutOfRangeError,
    field: "outcome.assets[2].chainID",
  },
  {
    name: "asset ethHolder of 40 bytes",
    mutate: (s) => (s.outcome.assets[0].ethHolder = `0x${"ab".repeat(40)}`),
    error: InvalidByteLengthError,
    field: "outcome.assets[0].ethHolder",
  },
  {
    name: "asset ccHolder odd",
    mutate: (s) => (s.outcome.assets[1].ccHolder = "0xabc"),
    error: InvalidHexError,
    field: "outcome.assets[1].ccHolder",
  },
  {
    name: "indexMap = 65536 (uint16 overflow)",
    mutate: (s) => (s.outcome.locked[0].indexMap[2] = 65536n),
    error: IntegerOutOfRangeError,
    field: "outcome.locked[0].indexMap[2]",
  },
  {
    name: "negative indexMap",
    mutate: (s) => (s.outcome.locked[0].indexMap[0] = -1n),
    error: IntegerOutOfRangeError,
    field: "outcome.locked[0].indexMap[0]",
  },
  {
    name: "sub-allocation balance = 2^256",
    mutate: (s) => (s.outcome.locked[0].balances[1] = 1n << 256n),
    error: IntegerOutOfRangeError,
    field: "outcome.locked[0].balances[1]",
  },
  {
    name: "sub-allocation ID of 20 bytes",
    mutate: (s) => (s.outcome.locked[0].ID = `0x${"ee".repeat(20)}`),
    error: InvalidByteLengthError,
    field: "outcome.locked[0].ID",
  },
  {
    name: "indexMap not an array",
    mutate: (s) => ((s.outcome.locked[0] as any).indexMap = "0x"),
    error: InvalidValueTypeError,
    field: "outcome.locked[0].indexMap",
  },
  {
    name: "locked not an array",
    mutate: (s) => ((s.outcome as any).locked = null),
    error: InvalidValueTypeError,
    field: "outcome.locked",
  },
];
/* eslint-enable @typescript-eslint/no-explicit-any */

describe("encoding: encodeState", () => {
  it("matches ethers on the known-good and the rich state", () => {
    expect(toHex(encodeState(knownState()))).to.equal(ethersEncodeState(knownState()));
    expect(toHex(encodeState(richState()))).to.equal(ethersEncodeState(richState()));
  });

  it("starts with the offset word 0x20 (one tuple argument, not a flat list)", () => {
    expect(toHex(encodeState(knownState()).subarray(0, 32))).to.equal(`0x${"00".repeat(31)}20`);
  });

  it("accepts version = 2^64 - 1 and indexMap = 65535 (the type maxima)", () => {
    const s = richState();
    s.version = (1n << 64n) - 1n;
    s.outcome.locked[0].indexMap = [65535n, 0n];
    expect(toHex(encodeState(s))).to.equal(ethersEncodeState(s));
  });

  it("accepts empty everything", () => {
    const s = knownState();
    s.outcome = { assets: [], backends: [], balances: [], locked: [] };
    expect(toHex(encodeState(s))).to.equal(ethersEncodeState(s));
  });

  it("does not depend on the input object after returning (fresh buffer each call)", () => {
    const a = encodeState(knownState());
    const b = encodeState(knownState());
    expect(a).to.not.equal(b);
    expect(toHex(a)).to.equal(toHex(b));
  });

  for (const row of REJECT) {
    it(`rejects ${row.name} with ${row.error.name}`, () => {
      const s = clone(richState());
      row.mutate(s);
      const e = expectExactError(() => encodeState(s), row.error);
      if (row.field) expect(e.details.field).to.equal(row.field);
    });
  }
});
