/**
 * How a withdrawal is authorised on chain. Today there is one method, "g3": the
 * perun-eth-contracts v1.0.0 `withdraw(WithdrawalAuth, bytes)` whose authorisation binds
 * channel, participant, receiver and amount — but no holder, chain or nonce (DESIGN.md §3), so a
 * signed authorisation could be replayed against another holder of the same channel.
 *
 * A replay-proof method is added by one entry in `WITHDRAW_METHODS` and in the
 * `WithdrawMethod` union; switching every client to it is changing `DEFAULT_WITHDRAW_METHOD`.
 */
import type { ContractTransactionResponse, Overrides } from "ethers";
import { signWithdrawalAuth, verifyWithdrawalAuthSignature } from "../index";
import type { Hex, WithdrawalAuth } from "../index";
import type { AssetHolder } from "../../typechain/evm/AssetHolder";
import { EvmClientInputError } from "./errors";

/** Names of the withdrawal methods the client knows. */
export type WithdrawMethod = "g3";

/** The method `withdraw` uses unless told otherwise. */
export const DEFAULT_WITHDRAW_METHOD: WithdrawMethod = "g3";

/**
 * Signs a withdrawal: a private key (the library signs), or a function for wallets that keep
 * the key elsewhere; it receives the authorisation and returns the 65-byte eth_sign signature.
 */
export type WithdrawalSigner = Hex | ((auth: WithdrawalAuth) => Hex | Promise<Hex>);

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

/** The G3 method; the signature is checked against the participant before anything is sent. */
async function withdrawG3(ctx: WithdrawContext): Promise<ContractTransactionResponse> {
  const { auth, signer } = ctx;
  const sig = typeof signer === "function" ? await signer(auth) : signWithdrawalAuth(auth, signer);
  if (!verifyWithdrawalAuthSignature(auth, sig, auth.participant.ethAddress)) {
    throw new EvmClientInputError(
      `the withdrawal signature is not ${auth.participant.ethAddress}'s (wrong key?); nothing was sent`,
      { participant: auth.participant.ethAddress },
    );
  }
  return ctx.holder.withdraw(auth, sig, ctx.overrides);
}

/** Every method by name. */
export const WITHDRAW_METHODS: Readonly<Record<WithdrawMethod, WithdrawMethodImpl>> = {
  g3: withdrawG3,
};
