/**
 * The ICP part of `npm start`: the adjudicator canister's REAL wasm, run in the repository's
 * test host (test/icp/host — an ic0 implementation under Node, NOT a replica) with a fake
 * ICRC-1/ICRC-2 ledger, driven through the published client (src/icp) with states signed by
 * the library. Same two stories as the EVM: a cooperative close, and a dispute where Bob
 * registers a stale state and Alice refutes it. Costs are IC-weighted wasm instructions.
 */
import { Principal } from "@icp-sdk/core/principal";
import { BACKEND_ICP } from "../../src";
import type { Asset, Hex } from "../../src";
import { bytesToHex } from "../../src/encoding/internal/hex";
import { AdjudicatorClient } from "../../src/icp/AdjudicatorClient";
import {
  CANISTER_ID,
  installCanister,
  LEDGER_ID,
  type InstalledCanister,
} from "../../test/icp/support/canisterFixture";
import { Checker } from "./checker";
import { OffChainChannel } from "./offChainChannel";
import type { DemoPerson } from "./people";
import type { ChainDemo, ChainReport, DemoContext, DemoPayout, DemoStep } from "./types";
import { fundingId } from "../../src/encoding/fundingId";

const FEE = 10n;
const UNIT = 100_000_000n; // 1 token with 8 decimals, like ICP and ckBTC
const ICP_ASSET: Asset = {
  chainID: BACKEND_ICP,
  ethHolder: "0x0000000000000000000000000000000000000000",
  ccHolder: bytesToHex(LEDGER_ID.toUint8Array()),
};

/** An ICP principal for a demo person, derived from its name (29 bytes, self-authenticating style). */
function principalOf(p: DemoPerson): Principal {
  const b = new Uint8Array(29);
  const name = new TextEncoder().encode(p.name);
  b.set(name.subarray(0, 28));
  b[28] = 0x02;
  return Principal.fromUint8Array(b);
}

interface IcpWorld {
  c: InstalledCanister;
  ctx: DemoContext;
  check: Checker;
  steps: DemoStep[];
  who: Map<string, Principal>;
}

/** Calls the canister as `person` through the typed client and records the step's instructions. */
async function step<T>(
  w: IcpWorld,
  phase: string,
  action: string,
  person: DemoPerson,
  call: (client: AdjudicatorClient) => Promise<T>,
): Promise<T> {
  const actor = w.c.actorFor(w.who.get(person.name)!);
  const result = await call(new AdjudicatorClient(actor, CANISTER_ID));
  const r = result as unknown as { Err?: unknown };
  if (r && typeof r === "object" && "Err" in r) {
    w.steps.push({
      phase,
      action: `${action} (refused)`,
      actor: person.name,
      cost: actor.lastCost?.instructions ?? 0n,
    });
  } else {
    w.steps.push({ phase, action, actor: person.name, cost: actor.lastCost?.instructions ?? 0n });
  }
  return result;
}

function okOf<T>(w: IcpWorld, what: string, r: { Ok: T } | { Err: unknown }): T {
  w.check.that(
    what,
    "Ok" in r,
    "Ok",
    JSON.stringify(r, (_k, v) => (typeof v === "bigint" ? v.toString() : v)),
  );
  return (r as { Ok: T }).Ok;
}

function errKind(r: object): string {
  return "Err" in r ? Object.keys((r as { Err: object }).Err)[0] : "Ok";
}

const fmt = (x: bigint) => `${x / UNIT}.${(x % UNIT).toString().padStart(8, "0").replace(/0+$/, "") || "0"} TST`;

async function fund(w: IcpWorld, phase: string, ch: OffChainChannel, amounts: bigint[]): Promise<void> {
  for (const [i, p] of ch.people.entries()) {
    const r = await step(w, phase, `deposit ${fmt(amounts[i])}`, p, (cl) =>
      cl.deposit(LEDGER_ID, fundingId(ch.id, p.address), amounts[i]),
    );
    okOf(w, `${p.name}'s deposit credited`, r);
  }
}

async function withdrawAll(w: IcpWorld, phase: string, ch: OffChainChannel, final: bigint[]): Promise<DemoPayout[]> {
  const payouts: DemoPayout[] = [];
  const fake = w.c.ledgers.ledger();
  for (const [i, p] of ch.people.entries()) {
    const owner = w.who.get(p.name)!;
    const before = fake.balanceOf(owner.toUint8Array());
    const r = await step(w, phase, `withdraw ${fmt(final[i])}`, p, (cl) =>
      cl.signAndWithdraw(
        {
          params: ch.params,
          channelID: ch.id as Hex,
          participantIndex: i,
          receiver: owner,
          ledger: LEDGER_ID,
          amount: final[i],
          fee: FEE,
        },
        p.privateKey,
      ),
    );
    okOf(w, `${p.name}'s withdrawal paid`, r);
    const got = fake.balanceOf(owner.toUint8Array()) - before;
    w.check.equal(`${p.name} received its balance minus the ledger fee`, final[i] - FEE, got, fmt(got));
    payouts.push({ channel: phase, participant: p.name, asset: "TST", amount: got });
  }
  return payouts;
}

export function icpDemo(): ChainDemo {
  return {
    chain: "ICP",
    unit: "instructions",
    async run(ctx: DemoContext): Promise<ChainReport> {
      const { log } = ctx;
      log.heading("ICP: the Azle adjudicator canister (real wasm) in the test host with a fake ICRC ledger");
      const check = new Checker(log);
      const c = await installCanister({ metered: true, rollback: false });
      const { alice, bob } = ctx.people;
      const who = new Map([alice, bob].map((p) => [p.name, principalOf(p)]));
      const w: IcpWorld = { c, ctx, check, steps: [], who };
      w.steps.push({
        phase: "setup",
        action: "install canister (canister_init)",
        actor: "deployer",
        cost: c.installCost.instructions,
      });
      for (const p of [alice, bob]) {
        c.ledgers.ledger().mint(who.get(p.name)!.toUint8Array(), 100n * UNIT);
        c.ledgers.ledger().approve(who.get(p.name)!.toUint8Array(), CANISTER_ID.toUint8Array(), 100n * UNIT);
      }
      log.step(
        `canister ${CANISTER_ID.toText()}, ledger ${LEDGER_ID.toText()} (fee ${FEE}); Alice and Bob hold 100 TST and approved the canister`,
      );

      // Channel 1: cooperative close.
      const p1 = "channel 1 (cooperative close)";
      log.section(p1);
      const ch1 = new OffChainChannel({
        people: [alice, bob],
        assets: [ICP_ASSET],
        backends: [BACKEND_ICP],
        initialBalances: [[5n * UNIT, 5n * UNIT]],
        nonce: 1n,
        challengeDuration: 60n,
      });
      await fund(w, p1, ch1, [5n * UNIT, 5n * UNIT]);
      ch1.update([[4n * UNIT, 6n * UNIT]]);
      const final1 = ch1.update([[3n * UNIT, 7n * UNIT]], true);
      log.step("two off-chain updates, the last one final; Alice submits it");
      okOf(
        w,
        "conclude accepted the final state",
        await step(w, p1, "conclude (final state)", alice, (cl) => cl.conclude(ch1.params, final1.state, final1.sigs)),
      );
      const payouts = await withdrawAll(w, p1, ch1, [3n * UNIT, 7n * UNIT]);

      // Channel 2: dispute with refutation.
      const p2 = "channel 2 (dispute)";
      log.section(p2);
      const ch2 = new OffChainChannel({
        people: [alice, bob],
        assets: [ICP_ASSET],
        backends: [BACKEND_ICP],
        initialBalances: [[5n * UNIT, 5n * UNIT]],
        nonce: 2n,
        challengeDuration: 60n,
      });
      await fund(w, p2, ch2, [5n * UNIT, 5n * UNIT]);
      ch2.update([[2n * UNIT, 8n * UNIT]]);
      ch2.update([[6n * UNIT, 4n * UNIT]]);
      ch2.update([[7n * UNIT, 3n * UNIT]]);
      const watchFrom = (await new AdjudicatorClient(c.actorFor(who.get("Alice")!), CANISTER_ID).pollEvents(0n)).next;
      const stale = ch2.at(1n);
      log.step("Bob registers version 1 (he had 8 TST there; the latest is version 3 with 3 TST)");
      const reg = okOf(
        w,
        "Bob's stale registration accepted (it is fully signed)",
        await step(w, p2, "dispute: register version 1", bob, (cl) => cl.dispute(ch2.params, stale.state, stale.sigs)),
      );
      const seen = await new AdjudicatorClient(c.actorFor(who.get("Alice")!), CANISTER_ID).pollEvents(watchFrom);
      const update = seen.events.map((e) => e.event).find((e) => "ChannelUpdate" in e) as
        { ChannelUpdate: { version: bigint } } | undefined;
      check.equal("Alice's watcher saw the ChannelUpdate of version", 1n, update?.ChannelUpdate.version ?? -1n);
      c.host.advanceTime(20);
      const latest = ch2.latest;
      const ref = okOf(
        w,
        "Alice's refutation with version 3 accepted",
        await step(w, p2, "dispute: refute with version 3", alice, (cl) =>
          cl.dispute(ch2.params, latest.state, latest.sigs),
        ),
      );
      check.equal("the refutation did not extend the window (timeout, ns)", reg.timeout, ref.timeout);
      const again = ch2.at(2n);
      check.equal(
        "Bob's second try with version 2",
        "StaleVersion",
        errKind(
          await step(w, p2, "dispute: Bob tries version 2", bob, (cl) =>
            cl.dispute(ch2.params, again.state, again.sigs),
          ),
        ),
      );
      check.equal(
        "concluding before the window ends",
        "WindowStillOpen",
        errKind(await step(w, p2, "concludeDispute too early", bob, (cl) => cl.concludeDispute(ch2.id))),
      );
      c.host.advanceTime(41);
      okOf(
        w,
        "concludeDispute after the window",
        await step(w, p2, "concludeDispute", alice, (cl) => cl.concludeDispute(ch2.id)),
      );
      payouts.push(...(await withdrawAll(w, p2, ch2, [7n * UNIT, 3n * UNIT])));

      log.section("solvency");
      check.equal(
        "TST left in the canister after both channels",
        0n,
        c.ledgers.ledger().balanceOf(CANISTER_ID.toUint8Array()),
      );
      return {
        chain: "ICP",
        environment: "the canister's wasm in the test host (not a replica), IC-weighted instructions",
        unit: "instructions",
        steps: w.steps,
        checks: check.count,
        payouts,
      };
    },
  };
}
