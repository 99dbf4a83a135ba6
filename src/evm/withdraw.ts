/**
 * Withdraws a participant's settled balance from an asset holder, authorised by the
 * participant's signature (made with the library, or by a wallet callback). By default the
 * whole balance (`holdings(fundingID)`) goes to the participant's own address.
 */
import type { Overrides, Signer } from "ethers";
import { fundingId, normalizeAddress } from "../index";
import type { Address, Hex, Participant, WithdrawalAuth } from "../index";
import { AssetHolder__factory } from "../../typechain/evm/factories/AssetHolder__factory";
import { EvmClientInputError } from "./errors";
import { requireBytes32 } from "./requireBytes32";
import { sendContractTx } from "./sendContractTx";
import type { EvmReceipt } from "./sendContractTx";
import { toEvmError } from "./toEvmError";
import { DEFAULT_WITHDRAW_METHOD, WITHDRAW_METHODS } from "./withdrawMethods";
import type { WithdrawMethod, WithdrawalSigner } from "./withdrawMethods";

/** What to withdraw. */
export interface WithdrawRequest {
  /** The asset holder's address. */
  holder: Address | string;
  channelID: Hex;
  /** The participant exactly as in the channel's params (ccAddress included: it is signed). */
  participant: Participant;
  /** Signs the authorisation as `participant.ethAddress`. */
  signer: WithdrawalSigner;
  /** Who receives the funds; default the participant's address. */
  receiver?: Address | string;
  /** Default: the participant's whole holding. */
  amount?: bigint;
  /** Default `DEFAULT_WITHDRAW_METHOD`. */
  method?: WithdrawMethod;
  overrides?: Overrides;
}

/** Result of a withdrawal. */
export interface WithdrawResult {
  receipt: EvmReceipt;
  /** The amount withdrawn. */
  amount: bigint;
  /** The signed authorisation. */
  auth: WithdrawalAuth;
}

/** Withdraws with `sender` paying the gas (anyone may send; the signature authorises). */
export async function withdraw(sender: Signer, request: WithdrawRequest): Promise<WithdrawResult> {
  requireBytes32(request.channelID, "channelID");
  const holderAddress = normalizeAddress(request.holder, "holder");
  const holder = AssetHolder__factory.connect(holderAddress, sender);
  const participant: Participant = {
    ethAddress: normalizeAddress(request.participant.ethAddress, "participant.ethAddress"),
    ccAddress: request.participant.ccAddress,
  };
  let amount = request.amount;
  if (amount === undefined) {
    try {
      amount = await holder.holdings(fundingId(request.channelID, participant.ethAddress));
    } catch (e) {
      throw toEvmError("AssetHolder.holdings", e);
    }
    if (amount === 0n) {
      throw new EvmClientInputError(`${participant.ethAddress} holds nothing in ${holderAddress} for this channel`, {
        holder: holderAddress,
        channelID: request.channelID,
      });
    }
  }
  const auth: WithdrawalAuth = {
    channelID: request.channelID,
    participant,
    receiver: normalizeAddress(request.receiver ?? participant.ethAddress, "receiver"),
    amount,
  };
  const method = request.method ?? DEFAULT_WITHDRAW_METHOD;
  const impl = WITHDRAW_METHODS[method];
  if (!impl) throw new EvmClientInputError(`unknown withdrawal method "${String(method)}"`, { method });
  const network = await sender.provider?.getNetwork();
  const receipt = await sendContractTx(`AssetHolder.withdraw (${method})`, () =>
    impl({
      holder,
      holderAddress,
      chainId: network?.chainId ?? 0n,
      auth,
      signer: request.signer,
      overrides: request.overrides ?? {},
    }),
  );
  return { receipt, amount, auth };
}
