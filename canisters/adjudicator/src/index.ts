import {
  canisterCycleBalance,
  canisterSelf,
  IDL,
  isController,
  msgCaller,
  preUpgrade,
  Principal,
  query,
  time,
  update,
} from "azle";
import {
  DepositResult,
  DisputeRecord,
  DisputeResult,
  EventPage,
  Params,
  State,
  UnitResult,
  WithdrawalAuth,
  WithdrawResult,
} from "./candid";
import { conclude } from "./logic/conclude";
import { concludeDispute } from "./logic/concludeDispute";
import type { Context } from "./logic/context";
import { deposit } from "./logic/deposit";
import { dispute } from "./logic/dispute";
import { readEvents } from "./logic/events";
import { disputeOf, holdings, withdrawalNonce } from "./logic/queries";
import type { CandidParams, CandidState, CandidWithdrawalAuth } from "./logic/types";
import { withdraw } from "./logic/withdraw";
import { icrcLedgers, ledgerCallsInFlight } from "./icrcLedgers";
import { setLedgerAllowed } from "./logic/ledgerAllowList";
import { refuseUpgradeWhileCalling } from "./logic/upgradeGuard";
import { StableStorage } from "./stableStorage";
import { answerUnlessCleanup } from "./answerUnlessCleanup";

const Blob = IDL.Vec(IDL.Nat8);

/**
 * The Perun adjudicator canister: a thin wrapper that wires Candid methods to the logic
 * modules (./logic), handing them the caller, the clock (ic0.time, ns), this canister's
 * principal, stable storage and the ICRC ledgers. No rule lives here.
 */
export default class {
  storage = new StableStorage();

  ctx(): Context {
    return {
      caller: msgCaller().toUint8Array(),
      now: () => time(),
      self: canisterSelf().toUint8Array(),
      storage: this.storage,
      ledgers: icrcLedgers,
    };
  }

  /** Pulls `amount` from the caller (ICRC-2, approve first) on `ledger` into `fundingID`'s holdings. */
  @update([IDL.Principal, Blob, IDL.Nat, IDL.Opt(Blob)], DepositResult)
  async deposit(ledger: Principal, fundingID: Uint8Array, amount: bigint, fromSubaccount: [] | [Uint8Array]) {
    return answerUnlessCleanup(deposit(this.ctx(), ledger.toUint8Array(), fundingID, amount, fromSubaccount));
  }

  /** Registers or refutes with a state signed by all participants. */
  @update([Params, State, IDL.Vec(Blob)], DisputeResult)
  dispute(params: CandidParams, state: CandidState, signatures: Uint8Array[]) {
    return dispute(this.ctx(), params, state, signatures);
  }

  /** Cooperative close with a final state signed by all participants. */
  @update([Params, State, IDL.Vec(Blob)], DisputeResult)
  conclude(params: CandidParams, state: CandidState, signatures: Uint8Array[]) {
    return conclude(this.ctx(), params, state, signatures);
  }

  /** Settles the registered state after the challenge window. */
  @update([Blob], DisputeResult)
  concludeDispute(channelID: Uint8Array) {
    return concludeDispute(this.ctx(), channelID);
  }

  /** Pays out against a participant's signed ICP withdrawal authorisation; `fee` is the ledger's fee. */
  @update([WithdrawalAuth, Blob, IDL.Nat], WithdrawResult)
  async withdraw(auth: CandidWithdrawalAuth, signature: Uint8Array, fee: bigint) {
    return answerUnlessCleanup(withdraw(this.ctx(), auth, signature, fee));
  }

  @query([IDL.Principal, Blob], IDL.Nat)
  holdings(ledger: Principal, fundingID: Uint8Array): bigint {
    return holdings(this.ctx(), ledger.toUint8Array(), fundingID);
  }

  /** The nonce the next withdrawal authorisation of (ledger, fundingID) must carry. */
  @query([IDL.Principal, Blob], IDL.Nat64)
  withdrawalNonce(ledger: Principal, fundingID: Uint8Array): bigint {
    return withdrawalNonce(this.ctx(), ledger.toUint8Array(), fundingID);
  }

  @query([Blob], IDL.Opt(DisputeRecord))
  disputeRecord(channelID: Uint8Array): [] | [unknown] {
    const r = disputeOf(this.ctx(), channelID);
    return r === undefined ? [] : [r];
  }

  /** Controller only: lists (or unlists) an ICRC ledger; the canister calls no unlisted ledger. */
  @update([IDL.Principal, IDL.Bool], UnitResult)
  setLedgerAllowed(ledger: Principal, allowed: boolean) {
    return setLedgerAllowed(this.ctx(), isController(msgCaller()), ledger.toUint8Array(), allowed);
  }

  /** The ledgers the controller listed. */
  @query([], IDL.Vec(IDL.Principal))
  allowedLedgers(): Principal[] {
    return this.storage.allowedLedgers().map((h) => Principal.fromHex(h.slice(2)));
  }

  /** Ledger calls sent and not yet answered; an upgrade is refused while this is not 0. */
  @query([], IDL.Nat32)
  ledgerCallsInFlight(): number {
    return ledgerCallsInFlight();
  }

  /** The canister's cycles balance (it pays for every update it executes; top it up before it freezes). */
  @query([], IDL.Nat)
  cyclesBalance(): bigint {
    return canisterCycleBalance();
  }

  /** Refuses (traps) while ledger calls are outstanding: their callbacks would run against the new code. */
  @preUpgrade
  preUpgrade(): void {
    refuseUpgradeWhileCalling(ledgerCallsInFlight());
  }

  /** At most 100 events from index `from`; poll again with `next`. */
  @query([IDL.Nat64, IDL.Nat32], EventPage)
  events(from: bigint, limit: number) {
    return readEvents(this.ctx(), from, limit);
  }
}
