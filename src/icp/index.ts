/**
 * `perun-adjudicators/icp`: the Internet Computer side — the typed client of the adjudicator
 * canister, its Candid bindings (typechain/icp) and the ICP withdrawal authorisation.
 */
export { AdjudicatorClient } from "./AdjudicatorClient";
export type {
  AdjudicatorActor,
  DepositResult,
  DisputeRecord,
  DisputeResult,
  LoggedEvent,
  WithdrawResult,
} from "./AdjudicatorClient";
export { createAdjudicatorClient, isLoopbackHost } from "./createAdjudicatorClient";
export type { AdjudicatorClientOptions } from "./createAdjudicatorClient";
export { IcpAgentError, IcpClientError, IcpClientInputError } from "./errors";
export { depositForChannel } from "./depositForChannel";
export type { IcpChannelDepositRequest } from "./depositForChannel";
export { paramsToCandid, stateToCandid, withdrawalAuthToCandid } from "./candidConvert";
export { idlFactory } from "../../typechain/icp/adjudicator.did";
export type { _SERVICE as AdjudicatorService } from "../../typechain/icp/adjudicator.did";
export type { IcpWithdrawalAuth } from "../index";
export { encodeIcpWithdrawalAuth } from "../index";
export { decodeIcpWithdrawalAuth } from "../index";
export { signIcpWithdrawalAuth } from "../index";
export { recoverIcpWithdrawalAuthSigner } from "../index";
