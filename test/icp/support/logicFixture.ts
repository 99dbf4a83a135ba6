import { conclude } from "../../../canisters/adjudicator/src/logic/conclude";
import { deposit } from "../../../canisters/adjudicator/src/logic/deposit";
import { dispute } from "../../../canisters/adjudicator/src/logic/dispute";
import { withdraw } from "../../../canisters/adjudicator/src/logic/withdraw";
import type { CandidWithdrawalAuth } from "../../../canisters/adjudicator/src/logic/types";
import { signIcpWithdrawalAuth } from "../../../src/encoding/icp/signIcpWithdrawalAuth";
import { bytesToHex, hexToBytes } from "../../../src/encoding/internal/hex";
import type { State } from "../../../src/encoding/types";
import { toLibraryWithdrawalAuth } from "../../../canisters/adjudicator/src/logic/toLibrary";
import {
  CANISTER,
  LEDGER,
  makeChannel,
  makeState,
  signAll,
  toCandidState,
  userPrincipal,
  type TestChannel,
} from "./channels";
import { LogicWorld } from "./logicHarness";
import { ok } from "./results";

/** A 2- or n-party channel whose users hold 100 000 on every fake ledger and approved the canister for 50 000. */
export function fundedWorld(n = 2): { w: LogicWorld; ch: TestChannel } {
  const w = new LogicWorld();
  const ch = makeChannel(n);
  for (const fake of w.ledgerOf.values()) {
    for (let i = 0; i < n + 1; i++) {
      fake.mint(userPrincipal(i), 100_000n);
      fake.approve(userPrincipal(i), CANISTER, 50_000n);
    }
  }
  return { w, ch };
}

export async function depositAll(w: LogicWorld, ch: TestChannel, amounts: bigint[], ledger = LEDGER): Promise<void> {
  for (let i = 0; i < amounts.length; i++) {
    if (amounts[i] > 0n) ok(await deposit(w.ctx(userPrincipal(i)), ledger, ch.fundingIDs[i], amounts[i], []));
  }
}

export function disputeWith(w: LogicWorld, ch: TestChannel, state: State, caller = userPrincipal(0)) {
  return dispute(w.ctx(caller), ch.candidParams, toCandidState(state), signAll(ch, state));
}

export function concludeWith(w: LogicWorld, ch: TestChannel, state: State, caller = userPrincipal(0)) {
  return conclude(w.ctx(caller), ch.candidParams, toCandidState(state), signAll(ch, state));
}

/** Concludes `ch` cooperatively with final balances `bals` on LEDGER. */
export function concludeFinal(w: LogicWorld, ch: TestChannel, bals: bigint[], version = 5n) {
  return ok(concludeWith(w, ch, makeState(ch, version, [bals], { isFinal: true })));
}

export function authFor(
  ch: TestChannel,
  i: number,
  amount: bigint,
  opts: {
    nonce?: bigint;
    receiver?: Uint8Array;
    subaccount?: Uint8Array;
    ledger?: Uint8Array;
    adjudicator?: Uint8Array;
  } = {},
): CandidWithdrawalAuth {
  return {
    channelID: hexToBytes(ch.id, "id"),
    participant: { ethAddress: hexToBytes(ch.params.participants[i].ethAddress, "a"), ccAddress: new Uint8Array(0) },
    receiver: { owner: opts.receiver ?? userPrincipal(i), subaccount: opts.subaccount ?? new Uint8Array(32) },
    ledger: opts.ledger ?? LEDGER,
    adjudicator: opts.adjudicator ?? CANISTER,
    amount,
    nonce: opts.nonce ?? 0n,
  };
}

export function signAuth(auth: CandidWithdrawalAuth, key: string): Uint8Array {
  return hexToBytes(signIcpWithdrawalAuth(toLibraryWithdrawalAuth(auth), key as `0x${string}`), "sig");
}

export function withdrawAs(
  w: LogicWorld,
  ch: TestChannel,
  i: number,
  amount: bigint,
  opts: Parameters<typeof authFor>[3] & { fee?: bigint; signer?: number } = {},
) {
  const auth = authFor(ch, i, amount, opts);
  return withdraw(
    w.ctx(userPrincipal(9)),
    auth,
    signAuth(auth, ch.keys[opts.signer ?? i]),
    opts.fee ?? w.ledger(opts.ledger ?? LEDGER).fee,
  );
}

export { bytesToHex };
