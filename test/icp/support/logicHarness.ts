import type { Context } from "../../../canisters/adjudicator/src/logic/context";
import {
  LedgerCallRejected,
  type Ledgers,
  type TransferArgs,
  type TransferFromArgs,
} from "../../../canisters/adjudicator/src/logic/ledgers";
import { MemoryStorage } from "./memoryStorage";
import type { IcrcResult } from "../../../canisters/adjudicator/src/logic/types";
import { bytesToHex } from "../../../src/encoding/internal/hex";
import { CANISTER, LEDGER, LEDGER_B } from "./channels";
import { FakeIcrcLedger, LedgerTrap } from "./fakeIcrcLedger";

interface Pending {
  method: string;
  run: () => void;
}

/**
 * Layer-1 world: the logic modules with in-memory storage, a settable clock and fake ICRC
 * ledgers. With `gated = true` every ledger call waits until the test releases it, which is
 * how the tests interleave messages at the logic's `await` points: the ledger executes the
 * transfer only when released (as a real ledger runs it in a later round).
 */
export class LogicWorld {
  readonly storage = new MemoryStorage();
  readonly ledgerOf = new Map<string, FakeIcrcLedger>();
  now = 1_700_000_000_000_000_000n;
  gated = false;
  private pending: Pending[] = [];

  constructor() {
    this.ledgerOf.set(bytesToHex(LEDGER), new FakeIcrcLedger(10n));
    this.ledgerOf.set(bytesToHex(LEDGER_B), new FakeIcrcLedger(3n));
    // The controller's allow-list: both fake ledgers are listed.
    for (const l of this.ledgerOf.keys()) this.storage.setLedgerAllowed(l, true);
  }

  ledger(l: Uint8Array = LEDGER): FakeIcrcLedger {
    const x = this.ledgerOf.get(bytesToHex(l));
    if (!x) throw new Error("no such fake ledger");
    return x;
  }

  ctx(caller: Uint8Array): Context {
    return { caller, now: () => this.now, self: CANISTER, storage: this.storage, ledgers: this.ledgers };
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  /** Lets the `i`-th waiting ledger call execute and answer; returns after its continuation ran. */
  async release(i = 0): Promise<void> {
    const [p] = this.pending.splice(i, 1);
    if (!p) throw new Error("no pending ledger call");
    p.run();
    await flush();
  }

  private call(ledger: Uint8Array, method: string, op: (l: FakeIcrcLedger) => IcrcResult): Promise<IcrcResult> {
    const l = this.ledgerOf.get(bytesToHex(ledger));
    return new Promise((resolve, reject) => {
      const run = () => {
        if (!l) return reject(new LedgerCallRejected(3, `no canister ${bytesToHex(ledger)}`));
        try {
          resolve(op(l));
        } catch (e) {
          if (e instanceof LedgerTrap) reject(new LedgerCallRejected(5, e.message));
          else reject(e);
        }
      };
      if (this.gated) this.pending.push({ method, run });
      else run();
    });
  }

  readonly ledgers: Ledgers = {
    transferFrom: (ledger: Uint8Array, args: TransferFromArgs) =>
      this.call(ledger, "icrc2_transfer_from", (l) => l.transferFrom(CANISTER, args)),
    transfer: (ledger: Uint8Array, args: TransferArgs) =>
      this.call(ledger, "icrc1_transfer", (l) => l.transfer(CANISTER, args)),
  };

  /** Σ holdings per ledger (hex) — the books. */
  books(): Map<string, bigint> {
    const m = new Map<string, bigint>();
    for (const { ledger, holding } of this.storage.allHoldings()) m.set(ledger, (m.get(ledger) ?? 0n) + holding.amount);
    return m;
  }

  /** The invariant: on every ledger, Σ holdings ≤ the canister's balance. Throws with the numbers otherwise. */
  assertBooks(): void {
    for (const [ledger, fake] of this.ledgerOf) {
      const held = this.books().get(ledger) ?? 0n;
      const balance = fake.balanceOf(CANISTER);
      if (held > balance) throw new Error(`books broken on ${ledger}: holdings ${held} > balance ${balance}`);
    }
  }
}

/** Lets all already-resolved promise continuations run. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r));
}
