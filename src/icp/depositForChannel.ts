import type { Principal } from "@icp-sdk/core/principal";
import { planDeposit } from "../index";
import type { DepositPlan, Params, State } from "../index";
import type { AdjudicatorClient, DepositResult } from "./AdjudicatorClient";
import { bytesToHex } from "./candidConvert";

/** A participant's deposit into one ICP ledger of a channel. */
export interface IcpChannelDepositRequest {
  params: Params;
  /** The channel's initial state (version 0), as every participant will sign it. */
  initialState: State;
  /** The depositing participant's index in `params.participants`. */
  participant: number;
  /** The ICRC-1 ledger (the asset whose `ccHolder` is this principal's bytes). */
  ledger: Principal;
  fromSubaccount?: Uint8Array;
}

/**
 * Deposits participant `request.participant`'s initial balance of `request.ledger`'s token for
 * a channel, after the signing policy accepted the channel's params and initial state
 * (`planDeposit`). The canister never sees params at deposit time (no Candid change), so this is
 * where a deposit into a channel the canister could never settle — an app channel, a ledger
 * listed twice, too many participants (issue 14 findings 2, 3, 8) — is stopped, and where the
 * funding ID comes from the params instead of the caller (finding 7: no bare or foreign IDs).
 *
 * @throws SigningPolicyError subclasses (the policy refused), PolicyDepositError (no such
 *   participant or ledger, nothing to deposit); otherwise the canister's result unchanged.
 */
export async function depositForChannel(
  client: AdjudicatorClient,
  request: IcpChannelDepositRequest,
): Promise<{ result: DepositResult; plan: DepositPlan }> {
  const ledger = bytesToHex(request.ledger.toUint8Array()).toLowerCase();
  const plan = planDeposit(request.params, request.initialState, {
    chain: "icp",
    participant: request.participant,
    asset: (a) => a.ccHolder.toLowerCase() === ledger,
  });
  const result = await client.deposit(request.ledger, plan.fundingID, plan.amount, request.fromSubaccount);
  return { result, plan };
}
