import type { Principal } from "@icp-sdk/core/principal";
import type { _SERVICE } from "../../typechain/icp/adjudicator.did";
import type { Hex, Params, State } from "../index";
import type { IcpWithdrawalAuth } from "../index";
import { signIcpWithdrawalAuth } from "../index";
import { fundingId } from "../index";
import { paramsToCandid, signatureToBytes, stateToCandid, withdrawalAuthToCandid, bytesToHex } from "./candidConvert";
import { IcpClientInputError } from "./errors";
import { icpAmount, icpBytes32, icpCall, icpPrincipal, icpSubaccount } from "./icpInputs";

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
 * Malformed input is refused with `IcpClientInputError` before any call; a failed call (the
 * agent, the network, a reject) is an `IcpAgentError`.
 */
export class AdjudicatorClient {
  constructor(
    readonly actor: AdjudicatorActor,
    readonly canisterId: Principal,
  ) {}

  /** Pulls `amount` from the caller's account (approve the canister for amount + fee first). */
  async deposit(
    ledger: Principal,
    fundingID: Hex,
    amount: bigint,
    fromSubaccount?: Uint8Array,
  ): Promise<DepositResult> {
    const args = [
      icpPrincipal(ledger, "ledger"),
      icpBytes32(fundingID, "fundingID"),
      icpAmount(amount, "amount", 0n),
      optional(icpSubaccount(fromSubaccount, "fromSubaccount")),
    ] as const;
    return icpCall("deposit", () => this.actor.deposit(...args));
  }

  /** Registers or refutes with a state and one signature per participant (in order). */
  async dispute(params: Params, state: State, signatures: Array<Hex | Uint8Array>): Promise<DisputeResult> {
    const args = [paramsToCandid(params), stateToCandid(state), signatures.map(signatureToBytes)] as const;
    return icpCall("dispute", () => this.actor.dispute(...args));
  }

  /** Cooperative close with a final state signed by all. */
  async conclude(params: Params, state: State, signatures: Array<Hex | Uint8Array>): Promise<DisputeResult> {
    const args = [paramsToCandid(params), stateToCandid(state), signatures.map(signatureToBytes)] as const;
    return icpCall("conclude", () => this.actor.conclude(...args));
  }

  /** Settles the registered state once the window is over. */
  async concludeDispute(channelID: Hex): Promise<DisputeResult> {
    const id = icpBytes32(channelID, "channelID");
    return icpCall("concludeDispute", () => this.actor.concludeDispute(id));
  }

  /** Submits a signed withdrawal authorisation; `fee` must be the ledger's current fee. */
  async withdraw(auth: IcpWithdrawalAuth, signature: Hex | Uint8Array, fee: bigint): Promise<WithdrawResult> {
    icpBytes32(auth.channelID, "auth.channelID");
    icpAmount(auth.amount, "auth.amount", 0n);
    icpAmount(auth.nonce, "auth.nonce", 0n);
    const args = [withdrawalAuthToCandid(auth), signatureToBytes(signature), icpAmount(fee, "fee", 0n)] as const;
    return icpCall("withdraw", () => this.actor.withdraw(...args));
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
    if (!Number.isInteger(args.participantIndex) || participant === undefined) {
      throw new IcpClientInputError(
        `participantIndex ${String(args.participantIndex)} is not an index of the ${args.params.participants.length} participants`,
        { participantIndex: args.participantIndex },
      );
    }
    icpBytes32(args.channelID, "channelID");
    const receiver = icpPrincipal(args.receiver, "receiver");
    const ledger = icpPrincipal(args.ledger, "ledger");
    const subaccount = icpSubaccount(args.receiverSubaccount, "receiverSubaccount") ?? new Uint8Array(32);
    icpAmount(args.amount, "amount", 0n);
    icpAmount(args.fee, "fee", 0n);
    const fid = fundingId(args.channelID, participant.ethAddress);
    const nonce = await this.withdrawalNonce(ledger, fid);
    const auth: IcpWithdrawalAuth = {
      channelID: args.channelID,
      participant,
      receiverOwner: bytesToHex(receiver.toUint8Array()),
      receiverSubaccount: bytesToHex(subaccount),
      ledger: bytesToHex(ledger.toUint8Array()),
      adjudicator: bytesToHex(this.canisterId.toUint8Array()),
      amount: args.amount,
      nonce,
    };
    return this.withdraw(auth, signIcpWithdrawalAuth(auth, privateKey), args.fee);
  }

  /** What the canister holds for a funding ID on a ledger. */
  async holdings(ledger: Principal, fundingID: Hex): Promise<bigint> {
    const args = [icpPrincipal(ledger, "ledger"), icpBytes32(fundingID, "fundingID")] as const;
    return icpCall("holdings", () => this.actor.holdings(...args));
  }

  /** The nonce the next withdrawal authorisation for a funding ID on a ledger must carry. */
  async withdrawalNonce(ledger: Principal, fundingID: Hex): Promise<bigint> {
    const args = [icpPrincipal(ledger, "ledger"), icpBytes32(fundingID, "fundingID")] as const;
    return icpCall("withdrawalNonce", () => this.actor.withdrawalNonce(...args));
  }

  /** The channel's dispute record, or undefined when none was registered. */
  async disputeRecord(channelID: Hex): Promise<DisputeRecord | undefined> {
    const id = icpBytes32(channelID, "channelID");
    const r = await icpCall("disputeRecord", () => this.actor.disputeRecord(id));
    return r.length === 0 ? undefined : r[0];
  }

  /** One page of the event log from index `from` (at most `limit`, capped at 100 by the canister). */
  async events(from: bigint, limit = 100): Promise<{ events: LoggedEvent[]; next: bigint }> {
    icpAmount(from, "from", 0n);
    if (!Number.isInteger(limit) || limit < 0 || limit > 0xffff_ffff) {
      throw new IcpClientInputError(`limit must be an integer from 0 to 2^32 - 1, got ${String(limit)}`, { limit });
    }
    return icpCall("events", () => this.actor.events(from, limit));
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

function optional<T>(value: T | undefined): [] | [T] {
  return value === undefined ? [] : [value];
}
