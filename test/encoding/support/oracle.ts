import { AbiCoder, getBytes, keccak256 } from "ethers";
import type { Params, State, WithdrawalAuth } from "../../../src";

/**
 * ethers v6 AbiCoder as a test-only oracle for the hand-written encoder: the Solidity type
 * strings below are the structs of DESIGN.md §2 written out once, independently.
 */
export const PARAMS_TYPE =
  "tuple(uint256 challengeDuration,uint256 nonce,tuple(address ethAddress,bytes ccAddress)[] participants,address app,bool ledgerChannel,bool virtualChannel)";
export const STATE_TYPE =
  "tuple(bytes32 channelID,uint64 version,tuple(tuple(uint256 chainID,address ethHolder,bytes ccHolder)[] assets,uint256[] backends,uint256[][] balances,tuple(bytes32 ID,uint256[] balances,uint16[] indexMap)[] locked) outcome,bytes appData,bool isFinal)";
export const WITHDRAWAL_AUTH_TYPE =
  "tuple(bytes32 channelID,tuple(address ethAddress,bytes ccAddress) participant,address receiver,uint256 amount)";

const coder = AbiCoder.defaultAbiCoder();

export function ethersEncodeParams(p: Params): string {
  return coder.encode([PARAMS_TYPE], [p]);
}
export function ethersEncodeState(s: State): string {
  return coder.encode([STATE_TYPE], [s]);
}
export function ethersEncodeWithdrawalAuth(a: WithdrawalAuth): string {
  return coder.encode([WITHDRAWAL_AUTH_TYPE], [a]);
}
export function ethersFundingId(channelID: string, address: string): string {
  return keccak256(coder.encode(["bytes32", "address"], [channelID, address]));
}
export function toHex(bytes: Uint8Array): string {
  return `0x${Buffer.from(bytes).toString("hex")}`;
}
export { getBytes };
