/**
 * The CKB chain of `npm start`: the same two stories as the EVM module (cooperative close;
 * dispute with a refutation and a force-close after the window) as transactions built by
 * src/ckb and verified in a real CKB VM (ckb-testtool's WASM ckb-debugger, offline), with the
 * channel type script deployed as QuickJS bytecode on ckb-js-vm and channel-lock in C.
 * Costs are the cycles of the channel's script groups per transaction.
 *
 * Offline stand-ins (not under test): fee payers and payout locks are always-success scripts
 * with distinct args; the chain does not advance time, so the force-close's relative `since`
 * is checked by the script (and would be enforced by a node) but not waited for.
 */
import type { Cell, Script } from "@ckb-lumos/base";
import type { helpers } from "@ckb-lumos/lumos";
import {
  buildClose,
  buildDispute,
  buildForceClose,
  buildFund,
  buildOpen,
  CKB_EXIT,
  channelNonce,
  forceCloseSince,
  readChannelStatus,
  type ChannelCell,
} from "../../src/ckb";
import { BACKEND_CKB, channelId, signState } from "../../src";
import type { Hex, Params, State } from "../../src";
import { CkbWorld } from "../lib/ckb/world";
import type { DemoPerson } from "./people";
import type { ChainDemo, ChainReport, DemoContext, DemoPayout, DemoStep } from "./types";

const CKB = 100_000_000n;
const ZERO_ADDRESS = "0x0000000000000000000000000000000000000000" as Hex;

interface Story {
  world: CkbWorld;
  ctx: DemoContext;
  steps: DemoStep[];
  checks: number;
  payouts: DemoPayout[];
}

function fee(world: CkbWorld) {
  return { cells: [world.coins(10_000n)], changeLock: world.script("fee-change") };
}

/** Verifies in the CKB VM, records the cycles, commits the outputs; throws if refused. */
function submit(s: Story, phase: string, action: string, actor: string, skel: helpers.TransactionSkeletonType): Cell[] {
  const v = s.world.verify(skel);
  if (!v.ok)
    throw new Error(`CKB ${action} refused by ${v.groups.find((g) => g.code !== 0)?.script} with exit ${v.code}`);
  s.steps.push({ phase, action, actor, cost: BigInt(v.cycles) });
  s.ctx.log.step(`${actor}: ${action} — accepted in the CKB VM, ${(v.cycles / 1e6).toFixed(2)} M cycles`);
  return s.world.commit(skel);
}

function check(s: Story, what: string, ok: boolean): void {
  if (!ok) throw new Error(`check failed: ${what}`);
  s.checks++;
  s.ctx.log.check(what);
}

function openChannel(s: Story, phase: string, people: DemoPerson[], locks: Script[]) {
  const fp = fee(s.world);
  const params: Params = {
    challengeDuration: 600n,
    nonce: channelNonce(fp.cells[0].outPoint!),
    participants: people.map((p, i) => ({ ethAddress: p.address, ccAddress: s.world.hash(locks[i]) as Hex })),
    app: ZERO_ADDRESS,
    ledgerChannel: true,
    virtualChannel: false,
  };
  const id = channelId(params);
  const state: State = {
    channelID: id,
    version: 0n,
    outcome: {
      assets: [{ chainID: BACKEND_CKB, ethHolder: ZERO_ADDRESS, ccHolder: "0x" }],
      backends: [BACKEND_CKB],
      balances: [[500n * CKB, 300n * CKB]],
      locked: [],
    },
    appData: "0x",
    isFinal: false,
  };
  s.ctx.log.section(phase);
  const built = buildOpen({ deployment: s.world.deployment, params, initialState: state, feePayer: fp });
  s.ctx.log.detail(`channel ID ${id}`);
  let channel: ChannelCell = { cell: submit(s, phase, "open", people[0].name, built.skeleton)[0], status: undefined! };
  channel.status = readChannelStatus(channel.cell.data);
  const funds: Cell[] = [];
  for (let i = 0; i < people.length; i++) {
    const skel = buildFund({ deployment: s.world.deployment, channel, index: i, feePayer: fee(s.world) });
    const out = submit(s, phase, `fund ${Number(state.outcome.balances[0][i] / CKB)} CKB`, people[i].name, skel);
    channel = { cell: out[0], status: readChannelStatus(out[0].data) };
    funds.push(out[1]);
  }
  check(s, `channel is fully funded (phase "${channel.status.phase}")`, channel.status.phase === "open");
  return { params, state, channel, funds };
}

function move(state: State, version: bigint, aliceToBob: bigint, isFinal: boolean): State {
  const next = structuredClone(state);
  next.version = version;
  next.isFinal = isFinal;
  next.outcome.balances[0][0] -= aliceToBob * CKB;
  next.outcome.balances[0][1] += aliceToBob * CKB;
  return next;
}

function recordPayouts(s: Story, channel: string, people: DemoPerson[], locks: Script[], outputs: Cell[]): void {
  people.forEach((p, i) => {
    const amount = outputs
      .filter((c) => s.world.hash(c.cellOutput.lock) === s.world.hash(locks[i]))
      .reduce((t, c) => t + BigInt(c.cellOutput.capacity), 0n);
    s.payouts.push({ channel, participant: p.name, asset: "CKBytes (shannons, incl. returned cell capacity)", amount });
  });
}

export function ckbDemo(): ChainDemo {
  return {
    chain: "CKB",
    unit: "cycles",
    async run(ctx: DemoContext): Promise<ChainReport> {
      ctx.log.heading(
        "CKB: channel type script (TypeScript → QuickJS bytecode on ckb-js-vm) + channel-lock (C), WASM ckb-debugger",
      );
      const world = new CkbWorld();
      const s: Story = { world, ctx, steps: [], checks: 0, payouts: [] };
      const people = [ctx.people.alice, ctx.people.bob];
      const sign = (st: State) => people.map((p) => signState(st, p.privateKey));

      // channel 1: cooperative close
      const locks1 = people.map((p) => world.script(`payout ${p.name}`));
      const c1 = openChannel(s, "channel 1 (cooperative close)", people, locks1);
      const final = move(c1.state, 7n, 120n, true);
      const close = buildClose({
        deployment: world.deployment,
        channel: c1.channel,
        fundsCells: c1.funds,
        payoutLocks: locks1,
        feePayer: fee(world),
        state: final,
        signatures: sign(final),
      });
      const paid1 = submit(
        s,
        "channel 1 (cooperative close)",
        "close (final state v7, signed by both)",
        "Alice",
        close,
      );
      recordPayouts(s, "channel 1", people, locks1, paid1);
      check(s, "Bob received his final 420 CKB", s.payouts[1].amount >= 420n * CKB);

      // channel 2: Bob registers an old state, Alice refutes, force-close after the window
      const phase = "channel 2 (dispute, refutation, force-close)";
      const locks2 = people.map((p) => world.script(`payout2 ${p.name}`));
      const c2 = openChannel(s, phase, people, locks2);
      let channel = c2.channel;
      const old = move(c2.state, 1n, 200n, false); // good for Bob
      const latest = move(c2.state, 2n, 50n, false); // the latest, good for Alice
      let out = submit(
        s,
        phase,
        "dispute with stale state v1",
        "Bob",
        buildDispute({
          deployment: world.deployment,
          channel,
          state: old,
          signatures: sign(old),
          feePayer: fee(world),
        }),
      );
      channel = { cell: out[0], status: readChannelStatus(out[0].data) };
      out = submit(
        s,
        phase,
        "refute with latest state v2",
        "Alice",
        buildDispute({
          deployment: world.deployment,
          channel,
          state: latest,
          signatures: sign(latest),
          feePayer: fee(world),
        }),
      );
      channel = { cell: out[0], status: readChannelStatus(out[0].data) };
      check(s, `registered version is ${channel.status.state.version}`, channel.status.state.version === 2n);
      const early = buildForceClose({
        deployment: world.deployment,
        channel,
        fundsCells: c2.funds,
        payoutLocks: locks2,
        feePayer: fee(world),
      });
      const tooEarly = early.update("inputSinces", (m) => m.set(0, forceCloseSince(c2.params.challengeDuration - 1n)));
      const refused = world.verify(tooEarly);
      check(
        s,
        `force-close with a since shorter than the window is refused (exit ${refused.code} = WINDOW_NOT_OVER)`,
        refused.code === CKB_EXIT.WINDOW_NOT_OVER,
      );
      const paid2 = submit(
        s,
        phase,
        `force-close after ${c2.params.challengeDuration} s (relative since)`,
        "Alice",
        early,
      );
      const before = s.payouts.length;
      recordPayouts(s, "channel 2", people, locks2, paid2);
      check(
        s,
        "Alice received her 450 CKB of the latest state (+ returned capacity)",
        s.payouts[before].amount >= 450n * CKB,
      );
      return {
        chain: "CKB",
        environment: "CKB VM (ckb-testtool 1.0.5 WASM ckb-debugger), offline mock chain",
        unit: "cycles",
        steps: s.steps,
        checks: s.checks,
        payouts: s.payouts,
      };
    },
  };
}
