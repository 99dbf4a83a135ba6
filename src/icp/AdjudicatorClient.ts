import type { Principal } from "@icp-sdk/core/principal";
import type { _SERVICE } from "../../typechain/icp/adjudicator.did";
import type { Hex, Params, State } from "../index";
import type { IcpWithdrawalAuth } from "../index";
import { signIcpWithdrawalAuth } from "../index";
import { fundingId } from "../index";
import {
  paramsToCandid,
  signatureToBytes,
  stateToCandid,
  withdrawalAuthToCandid,
  bytesToHex,
  hexToBytes,
} from "./candidConvert";

type Methods = {
  [K in keyof _SERVICE]: _SERVICE[K] extends (...args: infer A) => infer R ? (...args: A) => R : never;
};
/** Anything with the canister's methods: an `@icp-sdk/core` Actor, or the test host's actor. */
export type AdjudicatorActor = Methods;

export type DisputeResult = Awaited<ReturnType<_SERVICE["dispute"]>>;
export type DepositResult = Awaited<ReturnType<_SERVICE["deposit"]>>;
export type WithdrawResult = Awaited<ReturnType<_SERVICE["withdraw"]>>;
export type DisputeRecord = NonNullable<Awaited<ReturnType<_SERVICE["disputeRecord"]>>[0]>;
export type LoggedEvent = Awaited<ReturnType<_SERVICE["events"]>>["events"][number];

/**
 * Typed client of the ICP adjudicator canister, on an actor made from the committed `.did`
 * (typechain/icp). Takes the library's types (hex strings, bigints) and signs with the
 * library, so clients never handle Candid blobs or encoding themselves. Every method returns
 * the canister's `{ Ok } | { Err }` result unchanged: the error variant names the rule.
 */
export class AdjudicatorClient {
  constructor(
    readonly actor: AdjudicatorActor,
    readonly canisterId: Principal,
  ) {}

  /** Pulls `amount` from the caller's account (approve the canister for amount + fee first). */
  deposit(ledger: Principal, fundingID: Hex, amount: bigint, fromSubaccount?: Uint8Array): Promise<DepositResult> {
    return this.actor.deposit(
      ledger,
      hexToBytes(fundingID, "fundingID"),
      amount,
      fromSubaccount ? [fromSubaccount] : [],
    );
  }

  /** Registers or refutes with a state and one signature per participant (in order). */
  dispute(params: Params, state: State, signatures: Array<Hex | Uint8Array>): Promise<DisputeResult> {
    return this.actor.dispute(paramsToCandid(params), stateToCandid(state), signatures.map(signatureToBytes));
  }

  /** Cooperative close with a final state signed by all. */
  conclude(params: Params, state: State, signatures: Array<Hex | Uint8Array>): Promise<DisputeResult> {
    return this.actor.conclude(paramsToCandid(params), stateToCandid(state), signatures.map(signatureToBytes));
  }

  /** Settles the registered state once the window is over. */
  concludeDispute(channelID: Hex): Promise<DisputeResult> {
    return this.actor.concludeDispute(hexToBytes(channelID, "channelID"));
  }

  /** Submits a signed withdrawal authorisation; `fee` must be the ledger's current fee. */
  withdraw(auth: IcpWithdrawalAuth, signature: Hex | Uint8Array, fee: bigint): Promise<WithdrawResult> {
    return this.actor.withdraw(withdrawalAuthToCandid(auth), signatureToBytes(signature), fee);
  }

  /**
   * Builds the authorisation for `participant`'s next withdrawal (reading the nonce from the
   * canister), signs it with `privateKey` and submits it.
   */
  async signAndWithdraw(
    args: {
      params: Params;
      channelID: Hex;
      participantIndex: number;
      receiver: Principal;
      receiverSubaccount?: Uint8Array;
      ledger: Principal;
      amount: bigint;
      fee: bigint;
    },
    privateKey: Hex,
  ): Promise<WithdrawResult> {
    const participant = args.params.participants[args.participantIndex];
    const fid = fundingId(args.channelID, participant.ethAddress);
    const nonce = await this.actor.withdrawalNonce(args.ledger, hexToBytes(fid, "fundingID"));
    const auth: IcpWithdrawalAuth = {
      channelID: args.channelID,
      participant,
      receiverOwner: bytesToHex(args.receiver.toUint8Array()),
      receiverSubaccount: bytesToHex(args.receiverSubaccount ?? new Uint8Array(32)),
      ledger: bytesToHex(args.ledger.toUint8Array()),
      adjudicator: bytesToHex(this.canisterId.toUint8Array()),
      amount: args.amount,
      nonce,
    };
    return this.withdraw(auth, signIcpWithdrawalAuth(auth, privateKey), args.fee);
  }

  holdings(ledger: Principal, fundingID: Hex): Promise<bigint> {
    return this.actor.holdings(ledger, hexToBytes(fundingID, "fundingID"));
  }

  withdrawalNonce(ledger: Principal, fundingID: Hex): Promise<bigint> {
    return this.actor.withdrawalNonce(ledger, hexToBytes(fundingID, "fundingID"));
  }

  async disputeRecord(channelID: Hex): Promise<DisputeRecord | undefined> {
    const r = await this.actor.disputeRecord(hexToBytes(channelID, "channelID"));
    return r.length === 0 ? undefined : r[0];
  }

  /** One page of the event log from index `from` (at most `limit`, capped at 100 by the canister). */
  events(from: bigint, limit = 100): Promise<{ events: LoggedEvent[]; next: bigint }> {
    return this.actor.events(from, limit);
  }

  /** Every event from index `from` on, paging until the log's end; returns them and the index to poll next. */
  async pollEvents(from: bigint): Promise<{ events: LoggedEvent[]; next: bigint }> {
    const all: LoggedEvent[] = [];
    let next = from;
    for (;;) {
      const page = await this.events(next, 100);
      all.push(...page.events);
      if (page.events.length === 0 || page.next === next) return { events: all, next: page.next };
      next = page.next;
    }
  }
}
