/**
 * The deposit a client should make: for a channel, not for a bare funding ID. Runs the signing
 * policy on the params and the initial state first (`planDeposit`), so nothing is deposited into
 * a channel some chain holding its assets could never settle, then deposits the participant's
 * initial balance under the funding ID derived from the params (no ABI change: the holder still
 * sees only `deposit(fundingID, amount)`).
 */
import type { Overrides, Signer } from "ethers";
import { normalizeAddress, planDeposit, PolicyDepositError } from "../index";
import type { DepositPlan, Params, State } from "../index";
import { deposit } from "./deposit";
import type { DepositResult } from "./deposit";
import type { EvmHolder } from "./types";

/** A participant's deposit into one EVM asset of a channel. */
export interface ChannelDepositRequest {
  params: Params;
  /** The channel's initial state (version 0), as every participant will sign it. */
  initialState: State;
  /** The depositing participant's index in `params.participants`. */
  participant: number;
  /** The holder of the asset (the asset whose `ethHolder` is this address). */
  holder: EvmHolder;
  /** See {@link deposit}. */
  allowance?: "exact" | "none";
  overrides?: Omit<Overrides, "value">;
}

/**
 * Deposits participant `request.participant`'s initial balance of the asset held by
 * `request.holder`, after the policy accepted the channel. When the signer is connected, the
 * asset's `chainID` must be the network's: a deposit on another chain than the state names
 * would never be paid out by the outcome.
 *
 * @throws SigningPolicyError subclasses (the policy refused the channel), PolicyDepositError
 *   (no such participant or asset, nothing to deposit, or chain "evm" rule "deposit-chain-id"),
 *   and whatever {@link deposit} throws.
 */
export async function depositForChannel(
  signer: Signer,
  request: ChannelDepositRequest,
): Promise<DepositResult & { plan: DepositPlan }> {
  const holder = normalizeAddress(request.holder.address, "holder");
  const plan = planDeposit(request.params, request.initialState, {
    chain: "evm",
    participant: request.participant,
    asset: (a) => normalizeAddress(a.ethHolder) === holder,
  });
  const network = await signer.provider?.getNetwork();
  const chainID = request.initialState.outcome.assets[plan.asset].chainID;
  if (network !== undefined && network.chainId !== chainID) {
    throw new PolicyDepositError("the asset lives on another EVM chain than the signer's", {
      chain: "evm",
      rule: "deposit-chain-id",
      asset: chainID,
      network: network.chainId,
    });
  }
  const result = await deposit(signer, {
    holder: request.holder,
    fundingID: plan.fundingID,
    amount: plan.amount,
    allowance: request.allowance,
    overrides: request.overrides,
  });
  return { ...result, plan };
}
