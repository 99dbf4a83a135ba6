import { IDL } from "@icp-sdk/core/candid";
import { Principal } from "@icp-sdk/core/principal";
import { bytesToHex } from "../../../src/encoding/internal/hex";
import { AdjudicatorClient } from "../../../src/icp/AdjudicatorClient";
import { buildCanister } from "../../../scripts/lib/icp/buildCanister";
import { Ic0Host, prepareWasm, type Answer, type Cost, type Peers } from "../host/ic0Host";
import type { TransferArgs, TransferFromArgs } from "../../../canisters/adjudicator/src/logic/ledgers";
import { CANISTER, LEDGER, LEDGER_B } from "./channels";
import { FakeIcrcLedger, LedgerTrap } from "./fakeIcrcLedger";
import { hostActor } from "./hostActor";
import { idlFactory } from "../../../typechain/icp/adjudicator.did";
import { TransferArg, TransferFromArgs as TransferFromArgsIdl, TransferFromResult, TransferResult } from "./icrcCandid";

export const CANISTER_ID = Principal.fromUint8Array(CANISTER);
export const LEDGER_ID = Principal.fromUint8Array(LEDGER);
export const LEDGER_B_ID = Principal.fromUint8Array(LEDGER_B);
/** The canister's controller in the test host (lists the ledgers). */
export const CONTROLLER_ID = Principal.fromText("aaaaa-aa");

/**
 * The fake ICRC ledgers as peers of the test host: each call is decoded from real Candid,
 * executed on the FakeIcrcLedger (or trapped), answered in Candid. With `hold` set, calls
 * wait until `releaseHeld()` — inter-canister interleavings through the real wasm.
 */
export class LedgerPeers {
  readonly fakes = new Map<string, FakeIcrcLedger>([
    [LEDGER_ID.toText(), new FakeIcrcLedger(10n)],
    [LEDGER_B_ID.toText(), new FakeIcrcLedger(3n)],
  ]);
  hold = false;
  /** Raw reply override for the next call (e.g. bytes that are not Candid). */
  nextRawReply?: Uint8Array;
  private held: Array<() => void> = [];

  ledger(id: Principal = LEDGER_ID): FakeIcrcLedger {
    return this.fakes.get(id.toText())!;
  }

  get heldCount(): number {
    return this.held.length;
  }

  releaseHeld(i = 0): void {
    const [go] = this.held.splice(i, 1);
    if (!go) throw new Error("no held ledger call");
    go();
  }

  peers(): Peers {
    const out: Peers = {};
    for (const [id, fake] of this.fakes) {
      out[id] = {
        icrc1_transfer: (arg, caller) =>
          this.answer(() => {
            const [a] = IDL.decode([TransferArg], arg) as unknown as [any];
            const args: TransferArgs = { ...a, to: { owner: a.to.owner.toUint8Array(), subaccount: a.to.subaccount } };
            return new Uint8Array(IDL.encode([TransferResult], [fake.transfer(caller.toUint8Array(), args)]));
          }),
        icrc2_transfer_from: (arg, caller) =>
          this.answer(() => {
            const [a] = IDL.decode([TransferFromArgsIdl], arg) as unknown as [any];
            const args: TransferFromArgs = {
              ...a,
              from: { owner: a.from.owner.toUint8Array(), subaccount: a.from.subaccount },
              to: { owner: a.to.owner.toUint8Array(), subaccount: a.to.subaccount },
            };
            return new Uint8Array(IDL.encode([TransferFromResult], [fake.transferFrom(caller.toUint8Array(), args)]));
          }),
      };
    }
    return out;
  }

  private answer(run: () => Uint8Array): Promise<Answer> {
    const exec = (): Answer => {
      if (this.nextRawReply) {
        const raw = this.nextRawReply;
        this.nextRawReply = undefined;
        return { reply: raw };
      }
      try {
        return { reply: run() };
      } catch (e) {
        if (e instanceof LedgerTrap) return { reject: { code: 5, message: e.message } };
        throw e;
      }
    };
    if (!this.hold) return Promise.resolve(exec());
    return new Promise((resolve) => this.held.push(() => resolve(exec())));
  }
}

export interface InstalledCanister {
  host: Ic0Host;
  ledgers: LedgerPeers;
  /** Who the next call comes from. */
  as(caller: Principal | Uint8Array): AdjudicatorClient;
  actorFor(caller: Principal | Uint8Array): ReturnType<typeof hostActor>;
  installMs: number;
  installCost: Cost;
}

let built = false;

/** Builds the wasm if needed (idempotent; ~5–10 s when it must build). */
export function ensureWasm(): string {
  const r = buildCanister();
  built = true;
  return r.wasmPath;
}

/** A fresh canister in a fresh test host, installed. */
export async function installCanister(
  options: { metered?: boolean; rollback?: boolean; allowLedgers?: boolean } = {},
): Promise<InstalledCanister> {
  const wasm = built ? buildCanister().wasmPath : ensureWasm();
  const module = await prepareWasm(wasm, options.metered ?? false);
  const ledgers = new LedgerPeers();
  const host = new Ic0Host(module, {
    canisterId: CANISTER_ID.toText(),
    peers: ledgers.peers(),
    rollback: options.rollback ?? true,
    controllers: [CONTROLLER_ID.toText()],
  });
  const t0 = Date.now();
  const installed = await host.install();
  const installMs = Date.now() - t0;
  if (options.allowLedgers ?? true) for (const l of [LEDGER_ID, LEDGER_B_ID]) await allowLedger(host, l, true);
  const principal = (c: Principal | Uint8Array) => (c instanceof Uint8Array ? Principal.fromUint8Array(c) : c);
  return {
    host,
    ledgers,
    installMs,
    installCost: installed.cost,
    actorFor: (c) => hostActor(host, () => principal(c)),
    as: (c) =>
      new AdjudicatorClient(
        hostActor(host, () => principal(c)),
        CANISTER_ID,
      ),
  };
}

/** `setLedgerAllowed` as `caller` (the controller by default); returns the Candid result. */
export async function allowLedger(
  host: Ic0Host,
  ledger: Principal,
  allowed: boolean,
  caller: Principal = CONTROLLER_ID,
): Promise<{ Ok: null } | { Err: Record<string, unknown> }> {
  const arg = new Uint8Array(IDL.encode([IDL.Principal, IDL.Bool], [ledger, allowed]));
  const r = await host.call("setLedgerAllowed", arg, caller);
  if ("reject" in r) throw new Error(`setLedgerAllowed rejected: ${r.reject.message}`);
  const service = idlFactory({ IDL }) as IDL.ServiceClass;
  const func = service._fields.find(([n]) => n === "setLedgerAllowed")![1];
  return IDL.decode(func.retTypes, r.reply)[0] as never;
}

let shared: Promise<InstalledCanister> | undefined;

/**
 * One installed canister shared by the layer-2 tests that neither trap nor need a fresh
 * state (each uses its own channels and funding IDs, so they cannot disturb one another).
 * Rollback snapshots are off for it: copying the heap costs ~0.2 s per message, and these
 * tests expect no trap (one would show as a rejected call and fail the test anyway). The
 * trap and bad-Candid tests install their own canister with rollback on.
 */
export function sharedCanister(): Promise<InstalledCanister> {
  shared ??= installCanister({ rollback: false });
  return shared;
}

export { bytesToHex };
