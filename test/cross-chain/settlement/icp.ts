/**
 * The ICP side of the settlement property: the canister's real wasm in the test host
 * (test/icp/support/canisterFixture.ts, shared canister) with the fake ICRC ledgers, driven
 * through the package's AdjudicatorClient (src/icp). Measures the ledger balances (the
 * canister's account, the receivers') and the canister's holdings.
 */
import { expect } from "chai";
import { Principal } from "@icp-sdk/core/principal";
import { channelId } from "../../../src/encoding/channelId";
import { fundingId } from "../../../src/encoding/fundingId";
import { bytesToHex } from "../../../src/encoding/internal/hex";
import type { Hex, Params, State } from "../../../src/encoding/types";
import { CANISTER_ID, LEDGER_B_ID, LEDGER_ID, type InstalledCanister } from "../../icp/support/canisterFixture";
import type { FakeIcrcLedger } from "../../icp/support/fakeIcrcLedger";
import { ICP_CALLER } from "../support";

export interface IcpSide {
  icp: InstalledCanister;
  ledger: Principal;
  other: Principal;
  fake: FakeIcrcLedger;
  otherFake: FakeIcrcLedger;
  depositors: Principal[];
  receivers: Principal[];
}

let counter = 0;

/** A 29-byte principal of this property (tag 0xc5/0xc6), distinct per run and participant. */
function principal(tag: number, run: number, i: number): Principal {
  const p = new Uint8Array(29);
  p[0] = tag;
  p[1] = (run >> 16) & 0xff;
  p[2] = (run >> 8) & 0xff;
  p[3] = run & 0xff;
  p[4] = i;
  p[28] = 0x02;
  return Principal.fromUint8Array(p);
}

export function icpSide(icp: InstalledCanister, ledger: 0 | 1, n: number): IcpSide {
  counter++;
  const [l, o] = ledger === 0 ? [LEDGER_ID, LEDGER_B_ID] : [LEDGER_B_ID, LEDGER_ID];
  return {
    icp,
    ledger: l,
    other: o,
    fake: icp.ledgers.ledger(l),
    otherFake: icp.ledgers.ledger(o),
    depositors: Array.from({ length: n }, (_, i) => principal(0xc5, counter, i)),
    receivers: Array.from({ length: n }, (_, i) => principal(0xc6, counter, i)),
  };
}

function fids(params: Params): Hex[] {
  const id = channelId(params);
  return params.participants.map((p) => fundingId(id, p.ethAddress));
}

export interface IcpSnapshot {
  /** The canister's account on the case's ledger. */
  canisterBalance: bigint;
  receivers: bigint[];
  holdings: bigint[];
  /** The other ledger: every balance (must never move) and this channel's holdings there. */
  otherSupply: bigint;
  otherHoldings: bigint[];
}

export async function icpSnapshot(side: IcpSide, params: Params): Promise<IcpSnapshot> {
  const c = side.icp.as(ICP_CALLER);
  return {
    canisterBalance: side.fake.balanceOf(CANISTER_ID.toUint8Array()),
    receivers: side.receivers.map((r) => side.fake.balanceOf(r.toUint8Array())),
    holdings: await Promise.all(fids(params).map((f) => c.holdings(side.ledger, f))),
    otherSupply: side.otherFake.totalSupply(),
    otherHoldings: await Promise.all(fids(params).map((f) => c.holdings(side.other, f))),
  };
}

/** Each participant's depositor gets amount + fee on the ledger, approves the canister and deposits (zero skipped). */
export async function icpFund(side: IcpSide, params: Params, amounts: bigint[]): Promise<void> {
  const f = fids(params);
  for (let i = 0; i < amounts.length; i++) {
    if (amounts[i] === 0n) continue;
    const who = side.depositors[i].toUint8Array();
    side.fake.mint(who, amounts[i] + side.fake.fee);
    side.fake.approve(who, CANISTER_ID.toUint8Array(), amounts[i] + side.fake.fee);
    const r = await side.icp.as(side.depositors[i]).deposit(side.ledger, f[i], amounts[i]);
    expect(r, `ICP deposit ${i}: ${JSON.stringify(r, big)}`).to.have.property("Ok");
  }
}

function big(_k: string, v: unknown): unknown {
  return typeof v === "bigint" ? `${v}n` : v instanceof Uint8Array ? bytesToHex(v) : v;
}

/** The name of the error variant of a canister answer, or "Ok". */
export function icpVerdict(r: { Ok: unknown } | { Err: object }): string {
  return "Ok" in r ? "Ok" : Object.keys(r.Err)[0];
}

export async function icpConclude(side: IcpSide, params: Params, state: State, sigs: Hex[]): Promise<string> {
  return icpVerdict(await side.icp.as(ICP_CALLER).conclude(params, state, sigs));
}

export async function icpDispute(
  side: IcpSide,
  params: Params,
  state: State,
  sigs: Hex[],
  caller: Principal = ICP_CALLER,
): Promise<string> {
  return icpVerdict(await side.icp.as(caller).dispute(params, state, sigs));
}

export async function icpConcludeDispute(side: IcpSide, params: Params): Promise<string> {
  return icpVerdict(await side.icp.as(ICP_CALLER).concludeDispute(channelId(params)));
}

/** The registered version on the canister. */
export async function icpRegisteredVersion(side: IcpSide, params: Params): Promise<bigint | undefined> {
  return (await side.icp.as(ICP_CALLER).disputeRecord(channelId(params)))?.version;
}

/** Lets the test host's clock run past a window of `seconds`. */
export function icpWindowPasses(side: IcpSide, seconds: bigint): void {
  side.icp.host.advanceTime(seconds + 1n);
}

/**
 * Every participant withdraws its whole holding to its receiver, where it is above the
 * ledger fee (the canister refuses amount ≤ fee: AmountNotAboveFee — such dust stays).
 */
export async function icpWithdrawAll(side: IcpSide, params: Params, keys: Hex[]): Promise<void> {
  const id = channelId(params);
  const f = fids(params);
  for (let i = 0; i < keys.length; i++) {
    const c = side.icp.as(side.depositors[i]);
    const held = await c.holdings(side.ledger, f[i]);
    if (held <= side.fake.fee) continue;
    const r = await c.signAndWithdraw(
      {
        params,
        channelID: id,
        participantIndex: i,
        receiver: side.receivers[i],
        ledger: side.ledger,
        amount: held,
        fee: side.fake.fee,
      },
      keys[i],
    );
    expect(r, `ICP withdraw ${i}: ${JSON.stringify(r, big)}`).to.have.property("Ok");
  }
}
