/**
 * Property (issue 6): the library's pre-signing check `validateStateShape` and the adjudicator's
 * `register` refuse exactly the same shapes, with matching errors (`model/shapeErrors.ts`).
 *
 * Each case builds a registrable tree — a ledger parent of 1–4 distinct signers and 1–2 local
 * assets locking 0–2 sub-channels, each either bound to the parent (non-virtual, participants
 * taken from the parent) or virtual (any two signers, any injective index map), every lock
 * equal to its sub-channel's total — then applies at most one mutation (a participant twice,
 * a short / long / missing / extra row in the parent or a sub-channel, a lock with an extra
 * balance, an index map out of range / repeating / partial / unbound, a sub-channel with a
 * longer window than its parent, a parent window above 2^32 − 1, a virtual sub-channel with an
 * app), re-signs everything with the library, and compares: the library accepts every node
 * (`validateStateShape(parent, state, { subChannels })` and `validateStateShape(sub, subState)`)
 * iff `register` (eth_call) succeeds; when it refuses, `register` reverts with the mapped
 * custom error and arguments. The one documented exception: a sub-channel window longer than
 * the parent's is a client rule only (the adjudicator accepts it and bounds the parent's wait),
 * so for it the contract must accept (`model/shapeErrors.ts`).
 *
 * PROP_RUNS (default 150 here) sets the runs, PROP_SEED the seed.
 */
import { expect } from "chai";
import fc from "fast-check";
import { channelId, signState } from "../../src";
import type { Address, Asset, Hex, Params, State, SubAlloc } from "../../src";
import { evmAsset, loadDeployment } from "./fixtures";
import type { Deployment } from "./fixtures";
import { KEY_POOL, MAX_CHALLENGE_DURATION } from "./model/crosscheckArbitraries";
import { expectCustomError } from "./model/expectCustomError";
import { expectedShapeRevert } from "./model/shapeErrors";
import { propParams, propTitle } from "../support/propertyRuns";

const RUNS = Number(process.env.PROP_RUNS ?? "") > 0 ? Number(process.env.PROP_RUNS) : 150;
const ZERO = "0x0000000000000000000000000000000000000000" as Address;

interface SubSpec {
  virtual: boolean;
  /** Non-virtual: parent positions of its participants; virtual: its two signers' pool indices. */
  picks: number[];
  map: number[];
  balances: bigint[];
}
interface Case {
  signers: number[];
  numAssets: number;
  balances: bigint[];
  subs: SubSpec[];
  mutation: { kind: string; target: number; salt: number };
  nonce: bigint;
}

const MUTATIONS = [
  "none",
  "none",
  "dupParticipant",
  "rowShort",
  "rowLong",
  "rowsMissing",
  "rowExtra",
  "subRowShort",
  "subRowLong",
  "lockedExtra",
  "mapOutOfRange",
  "mapDuplicate",
  "mapPartial",
  "mapUnbound",
  "subDurationLonger",
  "parentDurationTooLong",
  "virtualWithApp",
] as const;

const subArb = (n: number): fc.Arbitrary<SubSpec> =>
  fc.oneof(
    // Non-virtual: 1..n distinct parent positions (its participants in that order).
    fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: n }).chain((picks) =>
      fc.record({
        virtual: fc.constant(false),
        picks: fc.constant(picks),
        map: fc.constant(picks),
        balances: fc.array(fc.bigInt({ min: 0n, max: 1000n }), { minLength: picks.length, maxLength: picks.length }),
      }),
    ),
    // Virtual: two distinct pool signers, an injective map into the parent (needs n >= 2).
    ...(n >= 2
      ? [
          fc.record({
            virtual: fc.constant(true),
            picks: fc.uniqueArray(fc.integer({ min: 0, max: KEY_POOL.length - 1 }), { minLength: 2, maxLength: 2 }),
            map: fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 2, maxLength: 2 }),
            balances: fc.array(fc.bigInt({ min: 0n, max: 1000n }), { minLength: 2, maxLength: 2 }),
          }),
        ]
      : []),
  );

const caseArb: fc.Arbitrary<Case> = fc
  .uniqueArray(fc.integer({ min: 0, max: KEY_POOL.length - 1 }), { minLength: 1, maxLength: 4 })
  .chain((signers) =>
    fc.record({
      signers: fc.constant(signers),
      numAssets: fc.integer({ min: 1, max: 2 }),
      balances: fc.array(fc.bigInt({ min: 0n, max: 1000n }), { minLength: signers.length, maxLength: signers.length }),
      subs: fc.array(subArb(signers.length), { maxLength: 2 }),
      mutation: fc.record({
        kind: fc.constantFrom(...MUTATIONS),
        target: fc.nat(),
        salt: fc.nat(),
      }),
      nonce: fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
    }),
  );

interface Node {
  params: Params;
  state: State;
  keys: Hex[];
}

/** Builds the tree of a case (valid unless mutated) and the label of what was mutated. */
function build(c: Case, assets: Asset[]): { parent: Node; subs: Node[]; applied: string } {
  const m = c.mutation;
  let applied = m.kind;
  const parentKeys = c.signers.map((k) => KEY_POOL[k].privateKey);
  const parentParts = c.signers.map((k) => ({ ethAddress: KEY_POOL[k].address, ccAddress: "0x" as Hex }));
  const rows = (entries: bigint[]) => assets.map(() => [...entries]);
  const duration = 60n;
  const subs: Node[] = c.subs.map((s, i) => {
    const keys = s.virtual ? s.picks.map((k) => KEY_POOL[k].privateKey) : s.picks.map((p) => parentKeys[p]);
    const participants = s.virtual
      ? s.picks.map((k) => ({ ethAddress: KEY_POOL[k].address, ccAddress: "0x" as Hex }))
      : s.picks.map((p) => parentParts[p]);
    const params: Params = {
      challengeDuration: duration,
      nonce: c.nonce + BigInt(i + 1),
      participants,
      app: ZERO,
      ledgerChannel: false,
      virtualChannel: s.virtual,
    };
    const state: State = {
      channelID: channelId(params),
      version: 1n,
      outcome: { assets, backends: assets.map(() => 1n), balances: rows(s.balances), locked: [] },
      appData: "0x",
      isFinal: false,
    };
    return { params, state, keys };
  });
  const parentParams: Params = {
    challengeDuration: duration,
    nonce: c.nonce,
    participants: parentParts,
    app: ZERO,
    ledgerChannel: true,
    virtualChannel: false,
  };
  const locks = (): SubAlloc[] =>
    c.subs.map((s, i) => ({
      ID: subs[i].state.channelID,
      balances: assets.map(() => s.balances.reduce((x, y) => x + y, 0n)),
      indexMap: s.map.map(BigInt),
    }));
  const parent: Node = {
    params: parentParams,
    keys: parentKeys,
    state: {
      channelID: channelId(parentParams),
      version: 1n,
      outcome: { assets, backends: assets.map(() => 1n), balances: rows(c.balances), locked: locks() },
      appData: "0x",
      isFinal: false,
    },
  };
  const n = parentParts.length;
  const sub = subs.length ? m.target % subs.length : -1;
  const reId = (node: Node) => (node.state.channelID = channelId(node.params));
  const relock = () => {
    parent.state.outcome.locked.forEach((l, i) => (l.ID = subs[i].state.channelID));
  };
  switch (m.kind) {
    case "dupParticipant":
      if (n < 2) return { parent, subs, applied: "none" };
      parent.params.participants[1] = parent.params.participants[0];
      parent.keys[1] = parent.keys[0];
      reId(parent);
      break;
    case "rowShort":
      parent.state.outcome.balances[m.salt % assets.length].pop();
      break;
    case "rowLong":
      parent.state.outcome.balances[m.salt % assets.length].push(BigInt(m.salt % 3));
      break;
    case "rowsMissing":
      parent.state.outcome.balances.pop();
      break;
    case "rowExtra":
      parent.state.outcome.balances.push(Array.from({ length: n }, () => 0n));
      break;
    case "subRowShort":
      if (sub < 0) return { parent, subs, applied: "none" };
      subs[sub].state.outcome.balances[m.salt % assets.length].pop();
      break;
    case "subRowLong":
      if (sub < 0) return { parent, subs, applied: "none" };
      subs[sub].state.outcome.balances[m.salt % assets.length].push(0n);
      break;
    case "lockedExtra":
      if (sub < 0) return { parent, subs, applied: "none" };
      parent.state.outcome.locked[sub].balances.push(0n);
      break;
    case "mapOutOfRange":
      if (sub < 0) return { parent, subs, applied: "none" };
      parent.state.outcome.locked[sub].indexMap[m.salt % c.subs[sub].map.length] = BigInt(n + (m.salt % 3));
      break;
    case "mapDuplicate": {
      const map = parent.state.outcome.locked[sub]?.indexMap;
      if (!map || map.length < 2) return { parent, subs, applied: "none" };
      map[1] = map[0];
      break;
    }
    case "mapPartial":
      if (sub < 0) return { parent, subs, applied: "none" };
      parent.state.outcome.locked[sub].indexMap.pop();
      break;
    case "mapUnbound": {
      // Another parent position than the sub-channel participant's own (a bound sub-channel).
      const map = parent.state.outcome.locked[sub]?.indexMap;
      if (!map || n < 2 || c.subs[sub].virtual) return { parent, subs, applied: "none" };
      const used = new Set(map.map(Number));
      const free = Array.from({ length: n }, (_, p) => p).filter((p) => !used.has(p));
      if (!free.length) return { parent, subs, applied: "none" };
      map[0] = BigInt(free[m.salt % free.length]);
      break;
    }
    case "subDurationLonger":
      if (sub < 0) return { parent, subs, applied: "none" };
      subs[sub].params.challengeDuration = duration + 1n + BigInt(m.salt) * 1_000_000n;
      reId(subs[sub]);
      relock();
      break;
    case "parentDurationTooLong":
      parent.params.challengeDuration = MAX_CHALLENGE_DURATION + 1n + BigInt(m.salt);
      reId(parent);
      break;
    case "virtualWithApp": {
      const v = subs.findIndex((_, i) => c.subs[i].virtual);
      if (v < 0) return { parent, subs, applied: "none" };
      subs[v].params.app = KEY_POOL[0].address;
      reId(subs[v]);
      relock();
      break;
    }
    default:
      applied = "none";
  }
  return { parent, subs, applied };
}

/** The first refusal of the library over the tree, in the adjudicator's order. */
function libraryVerdict(parent: Node, subs: Node[]) {
  const own = expectedShapeRevert(parent.params, parent.state);
  if (own) return own;
  // Depth-first as `register`: each sub-channel's parameters against its lock, then its own state.
  for (let i = 0; i < subs.length; i++) {
    const lockOnly = {
      ...parent.state,
      outcome: { ...parent.state.outcome, locked: [parent.state.outcome.locked[i]] },
    };
    // ID / ledger / duration come before the sub-channel's own state in `register`...
    const early = expectedShapeRevert(parent.params, lockOnly, { subChannels: [subs[i].params] });
    if (early && ["AdjudicatorSubChannelIDMismatch", "AdjudicatorSubChannelIsLedger"].includes(early.name)) {
      return early;
    }
    const subOwn = expectedShapeRevert(subs[i].params, subs[i].state);
    if (subOwn) return subOwn;
    // ... the index map after it.
    if (early) return early;
  }
  return null;
}

describe("state shapes: validateStateShape and register refuse the same shapes (property)", function () {
  this.timeout(0);
  let d: Deployment;
  let assetsAll: Asset[];

  before(async function () {
    d = await loadDeployment();
    assetsAll = [
      evmAsset(d.chainId, (await d.ethHolder.getAddress()) as Address),
      evmAsset(d.chainId, (await d.erc20Holder.getAddress()) as Address),
    ];
  });

  const shapeParams = propParams(RUNS, 6);
  it(propTitle("agree on random trees with at most one malformation", shapeParams), async function () {
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const { parent, subs, applied } = build(c, assetsAll.slice(0, c.numAssets));
        const sign = (x: Node) => ({
          params: x.params,
          state: x.state,
          sigs: x.keys.map((k) => signState(x.state, k)),
        });
        const call = d.adjudicator.register.staticCall(sign(parent), subs.map(sign));
        const expected = libraryVerdict(parent, subs);
        if (expected === null) {
          await call;
          seen.set(`${applied} -> accepted`, (seen.get(`${applied} -> accepted`) ?? 0) + 1);
        } else {
          const got = await expectCustomError(call, [d.adjudicator.interface], [expected], `register (${applied})`);
          seen.set(`${applied} -> ${got.name}`, (seen.get(`${applied} -> ${got.name}`) ?? 0) + 1);
        }
      }),
      shapeParams,
    );
    console.log(
      `      shapes seen: ${[...seen.entries()]
        .sort()
        .map(([k, v]) => `${k}: ${v}`)
        .join("; ")}`,
    );
    // Every mutation kind must have been both generated and refused at least once at this effort.
    const refusedKinds = new Set([...seen.keys()].filter((k) => !k.endsWith("accepted")).map((k) => k.split(" ")[0]));
    if (RUNS >= 150) expect(refusedKinds.size).to.be.at.least(10);
  });
});
