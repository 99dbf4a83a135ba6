/**
 * The ICP side of the three-chain channel: the adjudicator canister's REAL wasm in the
 * repository's test host (test/icp/host — an ic0 implementation under Node, not a replica)
 * with a fake ICRC-1/ICRC-2 ledger, driven through the published client (src/icp) with the
 * states the library signed. Costs are IC-weighted wasm instructions per call.
 */
import { Principal } from "@icp-sdk/core/principal";
import { BACKEND_ICP, fundingId } from "../../../src";
import type { Asset, Hex } from "../../../src";
import { bytesToHex } from "../../../src/encoding/internal/hex";
import { AdjudicatorClient } from "../../../src/icp";
import type { DisputeResult } from "../../../src/icp";
import {
  CANISTER_ID,
  installCanister,
  LEDGER_ID,
  type InstalledCanister,
} from "../../../test/icp/support/canisterFixture";
import { formatCount } from "../../lib/format";
import type { Checker } from "../checker";
import type { OffChainChannel, SignedState } from "../offChainChannel";
import type { DemoPerson } from "../people";
import type { DemoAsset } from "../threeChain/plan";
import { formatAsset } from "../threeChain/plan";
import type { ChainCosts, DemoLog, DemoPayout } from "../types";

/** Tokens minted to (and approved for the canister by) each participant: 100 TST. */
const MINTED = 100n * 100_000_000n;

/** A canister result: `{ Ok }` or `{ Err: { <rule>: … } }`. */
type Result = { Ok: unknown } | { Err: object };

/** The ICRC token of the channel: chainID = backend = BACKEND_ICP, ccHolder = the ledger's principal bytes. */
export function icpAsset(): DemoAsset {
  const asset: Asset = {
    chainID: BACKEND_ICP,
    ethHolder: "0x0000000000000000000000000000000000000000",
    ccHolder: bytesToHex(LEDGER_ID.toUint8Array()),
  };
  return { chain: "ICP", symbol: "TST", decimals: 8, asset, backend: BACKEND_ICP };
}

/** A participant's ICP principal, derived from its name (29 bytes, self-authenticating style). */
export function principalOf(p: DemoPerson): Principal {
  const b = new Uint8Array(29);
  b.set(new TextEncoder().encode(p.name).subarray(0, 28));
  b[28] = 0x02;
  return Principal.fromUint8Array(b);
}

/** The name of a result's error variant, or "Ok". */
export function resultKind(r: Result): string {
  return "Err" in r ? (Object.keys(r.Err)[0] ?? "Err") : "Ok";
}

export class IcpLeg {
  readonly costs: ChainCosts = {
    chain: "ICP",
    environment: "the canister's wasm in the test host (not a replica), fake ICRC ledger",
    unit: "instructions",
    steps: [],
  };
  readonly asset = icpAsset();

  private constructor(
    private readonly c: InstalledCanister,
    private readonly people: DemoPerson[],
    private readonly log: DemoLog,
    private readonly check: Checker,
  ) {}

  /** Installs the canister, mints TST to everyone, and has each approve the canister. */
  static async create(people: DemoPerson[], log: DemoLog, check: Checker): Promise<IcpLeg> {
    const c = await installCanister({ metered: true, rollback: false });
    const leg = new IcpLeg(c, people, log, check);
    leg.costs.steps.push({
      phase: "setup",
      action: "install canister (canister_init)",
      actor: "deployer",
      cost: c.installCost.instructions,
    });
    for (const p of people) {
      const owner = principalOf(p).toUint8Array();
      c.ledgers.ledger().mint(owner, MINTED);
      c.ledgers.ledger().approve(owner, CANISTER_ID.toUint8Array(), MINTED);
    }
    log.step(
      `ICP: canister ${CANISTER_ID.toText()} installed in the test host (${formatCount(c.installCost.instructions)} instructions); ` +
        `fake ledger ${LEDGER_ID.toText()} (fee ${c.ledgers.ledger().fee}) minted ${formatAsset(leg.asset, MINTED)} ` +
        `to each participant, who approved the canister`,
    );
    return leg;
  }

  /** The ledger's transfer fee, paid out of each withdrawal. */
  get fee(): bigint {
    return this.c.ledgers.ledger().fee;
  }

  /** The canister's TST balance on the ledger. */
  get canisterBalance(): bigint {
    return this.c.ledgers.ledger().balanceOf(CANISTER_ID.toUint8Array());
  }

  /** Moves the test host's clock (no real time passes). */
  advanceTime(seconds: bigint): void {
    this.c.host.advanceTime(seconds);
  }

  /** Calls the canister as `person` through the client and records the call's instructions. */
  async call<R extends Result>(
    phase: string,
    action: string,
    person: DemoPerson,
    run: (client: AdjudicatorClient) => Promise<R>,
  ): Promise<R> {
    const actor = this.c.actorFor(principalOf(person));
    const r = await run(new AdjudicatorClient(actor, CANISTER_ID));
    const cost = actor.lastCost?.instructions ?? 0n;
    const refused = "Err" in r;
    this.costs.steps.push({ phase, action: refused ? `${action} (refused)` : action, actor: person.name, cost });
    this.log.step(
      `ICP: ${person.name}: ${action} — ${refused ? `refused with ${resultKind(r)}` : "accepted"} (${formatCount(cost)} instructions)`,
    );
    return r;
  }

  /** `r` must be Ok; returns its value. */
  ok<T>(what: string, r: { Ok: T } | { Err: object }): T {
    this.check.that(`ICP: ${what}`, "Ok" in r, "Ok", "Ok" in r ? "Ok" : `Err ${resultKind(r)}`);
    return (r as { Ok: T }).Ok;
  }

  /** `r` must be refused with the error variant `kind`. */
  refused(what: string, kind: string, r: Result): void {
    this.check.equal(`ICP: ${what} refused with`, kind, resultKind(r));
  }

  /** Everyone deposits its version-0 TST balance; the canister's holdings are checked. */
  async fund(phase: string, ch: OffChainChannel, row: number): Promise<void> {
    const deposits = ch.at(0n).state.outcome.balances[row];
    for (const [i, p] of ch.people.entries()) {
      const fid = fundingId(ch.id, p.address);
      this.ok(
        `${p.name}'s deposit credited`,
        await this.call(phase, "deposit TST", p, (cl) => cl.deposit(LEDGER_ID, fid, deposits[i])),
      );
      const held = await new AdjudicatorClient(this.c.actorFor(principalOf(p)), CANISTER_ID).holdings(LEDGER_ID, fid);
      this.check.equal(`ICP: holdings of ${p.name}`, deposits[i], held, formatAsset(this.asset, held));
    }
  }

  /** `person` registers (or refutes with) `signed`. */
  dispute(phase: string, action: string, person: DemoPerson, ch: OffChainChannel, signed: SignedState) {
    return this.call(phase, action, person, (cl) => cl.dispute(ch.params, signed.state, signed.sigs));
  }

  /** `person` concludes with the final `signed` state. */
  conclude(phase: string, person: DemoPerson, ch: OffChainChannel, signed: SignedState): Promise<DisputeResult> {
    return this.call(phase, "conclude (final state)", person, (cl) =>
      cl.conclude(ch.params, signed.state, signed.sigs),
    );
  }

  /** The canister's record must settle only this chain's asset, with `balances`. */
  checkSettledRecord(what: string, r: DisputeResult, balances: bigint[]): void {
    const record = this.ok(what, r);
    this.check.equal("ICP: phase of the record", "Concluded", Object.keys(record.phase)[0]);
    this.check.equal("ICP: assets the canister pays (foreign rows ignored)", 1, record.payouts.length);
    this.check.equal(
      "ICP: the canister's payout of the TST ledger",
      balances.join(", "),
      record.payouts[0].balances.join(", "),
    );
  }

  /**
   * Everyone withdraws its whole `final` balance with a signed withdrawal authorisation (the
   * receiver is its principal); each must receive exactly that balance minus the ledger's fee.
   */
  async withdrawAll(phase: string, ch: OffChainChannel, final: bigint[]): Promise<DemoPayout[]> {
    const payouts: DemoPayout[] = [];
    const ledger = this.c.ledgers.ledger();
    for (const [i, p] of ch.people.entries()) {
      const owner = principalOf(p);
      const before = ledger.balanceOf(owner.toUint8Array());
      this.ok(
        `${p.name}'s withdrawal paid`,
        await this.call(phase, "withdraw TST", p, (cl) =>
          cl.signAndWithdraw(
            {
              params: ch.params,
              channelID: ch.id as Hex,
              participantIndex: i,
              receiver: owner,
              ledger: LEDGER_ID,
              amount: final[i],
              fee: this.fee,
            },
            p.privateKey,
          ),
        ),
      );
      const got = ledger.balanceOf(owner.toUint8Array()) - before;
      this.check.equal(
        `ICP: ${p.name} received its balance ${formatAsset(this.asset, final[i])} minus the ledger fee ${this.fee}`,
        final[i] - this.fee,
        got,
      );
      payouts.push({
        channel: ch.label,
        chain: "ICP",
        participant: p.name,
        asset: "TST",
        decimals: 8,
        amount: got + this.fee,
      });
    }
    this.check.equal("ICP: TST left in the canister", 0n, this.canisterBalance);
    return payouts;
  }
}
