/**
 * How a withdrawal is authorised on chain:
 * - "bound" (the default): `withdrawBound(WithdrawalAuth, nonce, bytes)`, whose signed message
 *   also binds the holder's address, the chain ID and the funding ID's withdrawal nonce, so a
 *   signature pays exactly once, at one holder, on one chain (README, "Security model");
 * - "g3": the perun-eth-contracts v1.0.0 `withdraw(WithdrawalAuth, bytes)`, kept for go-perun
 *   clients; its authorisation binds no holder, chain or nonce (DESIGN.md §3), so anyone holding
 *   the signature can replay it while the participant's balance lasts, at every holder.
 */
import type { ContractTransactionResponse, Overrides } from "ethers";
import {
  signBoundWithdrawalAuth,
  signWithdrawalAuth,
  verifyBoundWithdrawalAuthSignature,
  verifyWithdrawalAuthSignature,
  fundingId,
  normalizeAddress,
} from "../index";
import type { BoundWithdrawalAuth, Hex, WithdrawalAuth } from "../index";
import type { AssetHolder } from "../../typechain/evm/AssetHolder";
import { EvmClientInputError } from "./errors";

/** Names of the withdrawal methods the client knows. */
export type WithdrawMethod = "bound" | "g3";

/** The method `withdraw` uses unless told otherwise: the replay-proof one. */
export const DEFAULT_WITHDRAW_METHOD: WithdrawMethod = "bound";

/**
 * What a wallet callback is asked to sign: for "bound", `signBoundWithdrawalAuth(bound, key)`
 * (eth_sign over `encodeBoundWithdrawalAuth(bound)`); for "g3", `signWithdrawalAuth(auth, key)`.
 */
export type WithdrawalSigningRequest =
  { method: "bound"; auth: WithdrawalAuth; bound: BoundWithdrawalAuth } | { method: "g3"; auth: WithdrawalAuth };

/**
 * Signs a withdrawal: a private key (the library signs), or a function for wallets that keep
 * the key elsewhere; it receives the signing request and returns the 65-byte eth_sign signature.
 */
export type WithdrawalSigner = Hex | ((request: WithdrawalSigningRequest) => Hex | Promise<Hex>);

/** What a method gets: the holder (connected to the sender), its chain, the authorisation. */
export interface WithdrawContext {
  holder: AssetHolder;
  holderAddress: string;
  chainId: bigint;
  auth: WithdrawalAuth;
  signer: WithdrawalSigner;
  overrides: Overrides;
}

/** One method: sign as the contract expects, then send. */
export type WithdrawMethodImpl = (ctx: WithdrawContext) => Promise<ContractTransactionResponse>;

/** Refuses, before anything is sent, a signature that is not the participant's. */
function requireParticipantSignature(ok: boolean, auth: WithdrawalAuth): void {
  if (!ok) {
    throw new EvmClientInputError(
      `the withdrawal signature is not ${auth.participant.ethAddress}'s (wrong key?); nothing was sent`,
      { participant: auth.participant.ethAddress },
    );
  }
}

/** The replay-proof method: binds this holder, this chain and the funding ID's current nonce. */
async function withdrawBound(ctx: WithdrawContext): Promise<ContractTransactionResponse> {
  const { auth, signer } = ctx;
  const fundingID = fundingId(auth.channelID, auth.participant.ethAddress);
  const nonce = await ctx.holder.withdrawalNonce(fundingID);
  const bound: BoundWithdrawalAuth = {
    auth,
    holder: normalizeAddress(ctx.holderAddress, "holder"),
    chainID: ctx.chainId,
    nonce,
  };
  const sig =
    typeof signer === "function"
      ? await signer({ method: "bound", auth, bound })
      : signBoundWithdrawalAuth(bound, signer);
  requireParticipantSignature(verifyBoundWithdrawalAuthSignature(bound, sig, auth.participant.ethAddress), auth);
  return ctx.holder.withdrawBound(auth, nonce, sig, ctx.overrides);
}

/** The G3 method (go-perun compatible, replayable; see the file comment). */
async function withdrawG3(ctx: WithdrawContext): Promise<ContractTransactionResponse> {
  const { auth, signer } = ctx;
  const sig = typeof signer === "function" ? await signer({ method: "g3", auth }) : signWithdrawalAuth(auth, signer);
  requireParticipantSignature(verifyWithdrawalAuthSignature(auth, sig, auth.participant.ethAddress), auth);
  return ctx.holder.withdraw(auth, sig, ctx.overrides);
}

/** Every method by name. */
export const WITHDRAW_METHODS: Readonly<Record<WithdrawMethod, WithdrawMethodImpl>> = {
  bound: withdrawBound,
  g3: withdrawG3,
};
