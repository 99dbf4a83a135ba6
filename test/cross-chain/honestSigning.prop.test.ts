/**
 * Cross-chain property 5 (issue 14): honest signing is enforceable everywhere — here on the EVM
 * (the deployed Adjudicator on Hardhat) and ICP (the canister's wasm in the test host); CKB is
 * not driven by this property yet (see README "Signing policy").
 *
 * (a) Random channels the signing policy ACCEPTS, over the ledger-channel space both chains share:
 *     1–4 participants, 1–3 assets mixing EVM holders and ICP ledgers in random order, windows
 *     from 0 to 2^32 − 1 s, random balances up to 2^64. Every chain holding an asset accepts the
 *     state signed by all in a dispute (EVM register, ICP dispute), and after the window settles
 *     it (EVM conclude, ICP concludeDispute).
 * (b) The same channels with one feature the policy refuses while ICP holds an asset (an app, a
 *     virtual flag, a sub-channel flag, a lock of EVM assets only, a ledger listed twice): the
 *     policy names chain "icp" and the rule, and the canister indeed refuses the signed state.
 *
 * Knobs: CROSS_PROP_RUNS / PROP_RUNS (default 4 runs of each), PROP_SEED / PROP_PATH.
 */
import { expect } from "chai";
import fc from "fast-check";
import { BACKEND_ETH, BACKEND_ICP, channelId, evaluateSigningPolicy, signState } from "../../src";
import type { Address, Asset, Hex, Params, State } from "../../src";
import { conclude } from "../../src/evm/conclude";
import { register } from "../../src/evm/register";
import { loadDeployment, type Deployment } from "../evm/fixtures";
import { KEY_POOL } from "../evm/model/crosscheckArbitraries";
import { LEDGER_B_ID, LEDGER_ID, installCanister, type InstalledCanister } from "../icp/support/canisterFixture";
import { userPrincipal } from "../icp/support/channels";
import { propParams, propTitle } from "../support/propertyRuns";
import { crossRuns } from "./support";
import { time } from "@nomicfoundation/hardhat-network-helpers";

const RUNS = crossRuns(4);
const ACCEPT = propParams(RUNS, 50);
const REFUSE = propParams(RUNS, 51);
const ZERO = `0x${"00".repeat(20)}` as Address;
const MAX_WINDOW = 0xffff_ffffn;
/** The IC's clock in 2023 (ns), the test host's default start. */
const IC_NOW = 1_700_000_000_000_000_000n;
type Slot = "eth" | "erc20" | "icpA" | "icpB";

interface Case {
  n: number;
  slots: Slot[];
  window: bigint;
  nonce: bigint;
  balances: bigint[][];
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    n: fc.integer({ min: 1, max: 4 }),
    slots: fc.shuffledSubarray<Slot>(["eth", "erc20", "icpA", "icpB"], { minLength: 1, maxLength: 3 }),
    window: fc.oneof(fc.constantFrom(0n, 1n, MAX_WINDOW), fc.bigInt({ min: 0n, max: MAX_WINDOW })),
    nonce: fc.bigInt({ min: 0n, max: (1n << 160n) - 1n }),
  })
  .chain((c) =>
    fc
      .array(fc.array(fc.bigInt({ min: 0n, max: 1n << 64n }), { minLength: c.n, maxLength: c.n }), {
        minLength: c.slots.length,
        maxLength: c.slots.length,
      })
      .map((balances) => ({ ...c, balances })),
  );

function channelOf(
  d: Deployment,
  holders: Record<"eth" | "erc20", Address>,
  c: Case,
): { params: Params; state: State; keys: Hex[] } {
  const keys = KEY_POOL.slice(0, c.n).map((k) => k.privateKey);
  const params: Params = {
    challengeDuration: c.window,
    nonce: (++fresh << 160n) + c.nonce,
    participants: KEY_POOL.slice(0, c.n).map((k) => ({ ethAddress: k.address, ccAddress: "0x" as Hex })),
    app: ZERO,
    ledgerChannel: true,
    virtualChannel: false,
  };
  const assets: Asset[] = c.slots.map((s) =>
    s === "eth" || s === "erc20"
      ? { chainID: d.chainId, ethHolder: holders[s], ccHolder: "0x" as Hex }
      : {
          chainID: BACKEND_ICP,
          ethHolder: ZERO,
          ccHolder: hexOf((s === "icpA" ? LEDGER_ID : LEDGER_B_ID).toUint8Array()),
        },
  );
  const state: State = {
    channelID: channelId(params),
    version: 0n,
    outcome: {
      assets,
      backends: c.slots.map((s) => (s.startsWith("icp") ? BACKEND_ICP : BACKEND_ETH)),
      balances: c.balances,
      locked: [],
    },
    appData: "0x",
    isFinal: false,
  };
  return { params, state, keys };
}

/** Every generated channel is new (shrinking replays values; a concluded channel cannot be disputed again). */
let fresh = 0n;
const hexOf = (b: Uint8Array): Hex => `0x${Buffer.from(b).toString("hex")}` as Hex;
const icpVerdict = (r: { Ok: unknown } | { Err: object }) => ("Ok" in r ? "Ok" : Object.keys(r.Err)[0]);

describe("cross-chain property 5: honest signing is enforceable everywhere (EVM, ICP)", function () {
  this.timeout(600_000);
  let d: Deployment;
  let icp: InstalledCanister;
  let holders: Record<"eth" | "erc20", Address>;
  before(async () => {
    d = await loadDeployment();
    icp = await installCanister({ rollback: false });
    holders = {
      eth: (await d.ethHolder.getAddress()).toLowerCase() as Address,
      erc20: (await d.erc20Holder.getAddress()).toLowerCase() as Address,
    };
  });

  it(
    propTitle(
      "(a) every state the policy accepts is accepted in a dispute and settled by every chain holding an asset",
      ACCEPT,
    ),
    async () => {
      let icpRuns = 0;
      let evmRuns = 0;
      await fc.assert(
        fc.asyncProperty(caseArb, async (c) => {
          const { params, state, keys } = channelOf(d, holders, c);
          const v = evaluateSigningPolicy(params, state);
          expect(v, v.ok ? "" : `${v.chain}/${v.rule}: ${v.error.message}`).to.include({ ok: true });
          if (!v.ok) return;
          const sigs = keys.map((k) => signState(state, k));
          // Each case is a fresh channel: start the host clock where a real IC's is (the host clock only moves
          // forward, and runs of 2^32-s windows would carry it past u64 nanoseconds, centuries ahead).
          icp.host.now = IC_NOW;
          const caller = icp.as(userPrincipal(0));
          if (v.chains.includes("evm")) {
            await register(d.adjudicator, { params, state, sigs });
            evmRuns++;
          }
          if (v.chains.includes("icp")) {
            expect(icpVerdict(await caller.dispute(params, state, sigs)), "ICP dispute").to.equal("Ok");
            icpRuns++;
          }
          if (v.chains.includes("evm")) {
            await time.increase(c.window + 1n);
            await conclude(d.adjudicator, params, state);
          }
          if (v.chains.includes("icp")) {
            icp.host.advanceTime(c.window + 1n);
            expect(icpVerdict(await caller.concludeDispute(channelId(params))), "ICP concludeDispute").to.equal("Ok");
          }
        }),
        ACCEPT,
      );
      expect(evmRuns + icpRuns).to.be.greaterThan(0);
    },
  );

  type Mutation = { rule: string; apply: (p: Params, s: State) => { params: Params; state: State } };
  const withParams = (edit: (p: Params) => void) => (p: Params, s: State) => {
    const params = structuredClone(p);
    edit(params);
    return { params, state: { ...s, channelID: channelId(params) } };
  };
  const MUTATIONS: Mutation[] = [
    { rule: "app", apply: withParams((p) => (p.app = `0x${"5a".repeat(20)}` as Address)) },
    { rule: "virtual-channel", apply: withParams((p) => ((p.ledgerChannel = false), (p.virtualChannel = true))) },
    { rule: "not-ledger-channel", apply: withParams((p) => (p.ledgerChannel = false)) },
    {
      rule: "locked",
      apply: (p, s) => {
        const state = structuredClone(s);
        state.outcome.locked = [
          { ID: `0x${"ee".repeat(32)}` as Hex, balances: state.outcome.assets.map(() => 0n), indexMap: [0n] },
        ];
        return { params: p, state };
      },
    },
    {
      rule: "repeated-asset",
      apply: (p, s) => {
        const state = structuredClone(s);
        const i = state.outcome.backends.indexOf(BACKEND_ICP);
        state.outcome.assets.push({ ...state.outcome.assets[i] });
        state.outcome.backends.push(BACKEND_ICP);
        state.outcome.balances.push(state.outcome.balances[i].slice());
        return { params: p, state };
      },
    },
  ];

  it(
    propTitle(
      "(b) what the policy refuses while ICP holds an asset names icp and the rule, and the canister refuses it",
      REFUSE,
    ),
    async () => {
      await fc.assert(
        fc.asyncProperty(
          caseArb.filter((c) => c.slots.some((s) => s.startsWith("icp")) && c.slots.length < 3),
          fc.constantFrom(...MUTATIONS),
          async (c, m) => {
            const base = channelOf(d, holders, c);
            const { params, state } = m.apply(base.params, base.state);
            const v = evaluateSigningPolicy(params, state);
            expect(v.ok, "refused").to.equal(false);
            if (v.ok) return;
            expect({ chain: v.chain, rule: v.rule }).to.deep.equal({ chain: "icp", rule: m.rule });
            const sigs = base.keys.map((k) => signState(state, k));
            icp.host.now = IC_NOW;
            const r = icpVerdict(await icp.as(userPrincipal(0)).dispute(params, state, sigs));
            expect(r, "the canister refuses what the policy refuses").to.not.equal("Ok");
          },
        ),
        REFUSE,
      );
    },
  );
});
