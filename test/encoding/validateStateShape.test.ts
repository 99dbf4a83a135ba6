import { expect } from "chai";
import type { Params, State } from "../../src";
import {
  MAX_CHALLENGE_DURATION,
  PerunError,
  ShapeBalanceRowsError,
  ShapeChallengeDurationError,
  ShapeChannelIdError,
  ShapeDuplicateParticipantError,
  ShapeIndexMapDuplicateError,
  ShapeIndexMapLengthError,
  ShapeIndexMapRangeError,
  ShapeLockedBalancesError,
  ShapeNoParticipantsError,
  ShapeRowLengthError,
  ShapeSubChannelDurationError,
  ShapeSubChannelIdError,
  ShapeSubChannelLedgerError,
  ShapeSubChannelParticipantError,
  ShapeVirtualChannelError,
  StateShapeError,
  channelId,
  validateStateShape,
} from "../../src";
import { expectExactError } from "./support/expectError";
import { ADDRESS_A, ADDRESS_B, ZERO32, clone, knownParams, knownState } from "./support/fixtures";

const ADDRESS_C = `0x${"0c".repeat(20)}` as const;

/** A valid parent [A, B] locking S = [A, B] (map [0, 1]) and virtual V = [B, C] (map [1, 0]). */
function tree(): { params: Params; state: State; subs: Params[] } {
  const sub = (parts: string[], nonce: bigint, virtualChannel = false): Params => ({
    ...knownParams(),
    nonce,
    ledgerChannel: false,
    virtualChannel,
    participants: parts.map((a) => ({ ethAddress: a as `0x${string}`, ccAddress: ZERO32 })),
  });
  const S = sub([ADDRESS_A, ADDRESS_B], 11n);
  const V = sub([ADDRESS_B, ADDRESS_C], 12n, true);
  const params = knownParams();
  const state = knownState();
  state.outcome.locked = [
    { ID: channelId(S), balances: [5n], indexMap: [0n, 1n] },
    { ID: channelId(V), balances: [7n], indexMap: [1n, 0n] },
  ];
  return { params, state, subs: [S, V] };
}

type Case = {
  name: string;
  mutate: (t: ReturnType<typeof tree>) => void;
  error: abstract new (...args: never[]) => PerunError;
};

const REJECT: Case[] = [
  {
    name: "another channel's ID",
    mutate: (t) => (t.state.channelID = `0x${"cd".repeat(32)}`),
    error: ShapeChannelIdError,
  },
  {
    name: "no participant",
    mutate: (t) => {
      t.params.participants = [];
      t.state.channelID = channelId(t.params);
    },
    error: ShapeNoParticipantsError,
  },
  {
    name: "a participant twice (other case spelling)",
    mutate: (t) => {
      t.params.participants[1] = {
        ...t.params.participants[0],
        ethAddress: t.params.participants[0].ethAddress.toUpperCase().replace("0X", "0x") as `0x${string}`,
      };
      t.state.channelID = channelId(t.params);
    },
    error: ShapeDuplicateParticipantError,
  },
  { name: "no balance row", mutate: (t) => (t.state.outcome.balances = []), error: ShapeBalanceRowsError },
  {
    name: "a balance row too many",
    mutate: (t) => t.state.outcome.balances.push([1n, 1n]),
    error: ShapeBalanceRowsError,
  },
  {
    name: "a short balance row (freeze, issue 6)",
    mutate: (t) => (t.state.outcome.balances = [[300n]]),
    error: ShapeRowLengthError,
  },
  { name: "a long balance row", mutate: (t) => t.state.outcome.balances[0].push(0n), error: ShapeRowLengthError },
  {
    name: "a lock with two balances for one asset",
    mutate: (t) => t.state.outcome.locked[0].balances.push(0n),
    error: ShapeLockedBalancesError,
  },
  {
    name: "a virtual channel with sub-channels",
    mutate: (t) => {
      t.params.virtualChannel = true;
      t.state.channelID = channelId(t.params);
    },
    error: ShapeVirtualChannelError,
  },
  {
    name: "a virtual channel with an app",
    mutate: (t) => {
      t.params.virtualChannel = true;
      t.params.app = `0x${"0a".repeat(20)}`;
      t.state.channelID = channelId(t.params);
      t.state.outcome.locked = [];
    },
    error: ShapeVirtualChannelError,
  },
  {
    name: "challenge duration 2^32",
    mutate: (t) => {
      t.params.challengeDuration = MAX_CHALLENGE_DURATION + 1n;
      t.state.channelID = channelId(t.params);
    },
    error: ShapeChallengeDurationError,
  },
  {
    name: "an index-map entry out of range",
    mutate: (t) => (t.state.outcome.locked[0].indexMap = [0n, 2n]),
    error: ShapeIndexMapRangeError,
  },
  {
    name: "an index map naming a parent participant twice",
    mutate: (t) => (t.state.outcome.locked[1].indexMap = [0n, 0n]),
    error: ShapeIndexMapDuplicateError,
  },
  {
    name: "a partial index map",
    mutate: (t) => (t.state.outcome.locked[1].indexMap = [1n]),
    error: ShapeIndexMapLengthError,
  },
  { name: "sub-channel params missing", mutate: (t) => t.subs.pop(), error: ShapeSubChannelIdError },
  { name: "sub-channel params in the wrong order", mutate: (t) => t.subs.reverse(), error: ShapeSubChannelIdError },
  {
    name: "a ledger sub-channel",
    mutate: (t) => {
      t.subs[0].ledgerChannel = true;
      t.state.outcome.locked[0].ID = channelId(t.subs[0]);
    },
    error: ShapeSubChannelLedgerError,
  },
  {
    name: "a sub-channel with a longer challenge duration than the parent (century freeze, issue 6)",
    mutate: (t) => {
      t.subs[1].challengeDuration = MAX_CHALLENGE_DURATION;
      t.state.outcome.locked[1].ID = channelId(t.subs[1]);
    },
    error: ShapeSubChannelDurationError,
  },
  {
    name: "a non-virtual sub-channel whose participant the index map does not name",
    mutate: (t) => (t.state.outcome.locked[0].indexMap = [1n, 0n]),
    error: ShapeSubChannelParticipantError,
  },
];

describe("encoding: validateStateShape (pre-signing check, issue 6)", () => {
  it("accepts the known-good state, and a tree with a bound sub-channel and a virtual channel", () => {
    expect(() => validateStateShape(knownParams(), knownState())).to.not.throw();
    const t = tree();
    expect(() => validateStateShape(t.params, t.state, { subChannels: t.subs })).to.not.throw();
    expect(() => validateStateShape(t.params, t.state)).to.not.throw();
  });

  it("accepts the largest challenge duration and a sub-channel with the parent's duration", () => {
    const t = tree();
    t.params.challengeDuration = MAX_CHALLENGE_DURATION;
    t.state.channelID = channelId(t.params);
    t.subs[0].challengeDuration = MAX_CHALLENGE_DURATION;
    t.state.outcome.locked[0].ID = channelId(t.subs[0]);
    expect(() => validateStateShape(t.params, t.state, { subChannels: t.subs })).to.not.throw();
  });

  for (const c of REJECT) {
    it(`rejects ${c.name}: ${c.error.name}`, () => {
      const t = clone(tree());
      c.mutate(t);
      const err = expectExactError(() => validateStateShape(t.params, t.state, { subChannels: t.subs }), c.error);
      expect(err).to.be.instanceOf(StateShapeError);
      expect(err).to.be.instanceOf(PerunError);
      expect(Object.keys(err.details).length).to.be.greaterThan(0);
    });
  }

  it("without sub-channel params, checks index maps against the parent only", () => {
    const t = tree();
    t.state.outcome.locked[0].indexMap = [1n, 0n]; // binding needs S's params
    expect(() => validateStateShape(t.params, t.state)).to.not.throw();
    t.state.outcome.locked[0].indexMap = [1n, 1n];
    expectExactError(() => validateStateShape(t.params, t.state), ShapeIndexMapDuplicateError);
  });
});
