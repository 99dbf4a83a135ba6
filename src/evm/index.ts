/**
 * `perun-adjudicators/evm`: the EVM side for clients — the TypeChain (ethers v6) bindings and
 * ABIs of the deployed contracts, the deployment record type, and a typed client that drives a
 * channel (deposit, register/refute, progress, conclude, concludeFinal, withdraw, status,
 * events) and decodes every contract revert. Explicit named exports only.
 */

// Bindings (TypeChain, ethers v6) of the deployed contracts
export type { Adjudicator, AdjudicatorInterface, Channel } from "../../typechain/evm/Adjudicator";
export type { AssetHolder, AssetHolderInterface } from "../../typechain/evm/AssetHolder";
export type { AssetHolderETH, AssetHolderETHInterface } from "../../typechain/evm/AssetHolderETH";
export type { AssetHolderERC20, AssetHolderERC20Interface } from "../../typechain/evm/AssetHolderERC20";
export type { App, AppInterface } from "../../typechain/evm/App";
export type { TrivialApp, TrivialAppInterface } from "../../typechain/evm/TrivialApp";
export { Adjudicator__factory } from "../../typechain/evm/factories/Adjudicator__factory";
export { AssetHolder__factory } from "../../typechain/evm/factories/AssetHolder__factory";
export { AssetHolderETH__factory } from "../../typechain/evm/factories/AssetHolderETH__factory";
export { AssetHolderERC20__factory } from "../../typechain/evm/factories/AssetHolderERC20__factory";
export { App__factory } from "../../typechain/evm/factories/App__factory";
export { TrivialApp__factory } from "../../typechain/evm/factories/TrivialApp__factory";

// ABIs
export { ADJUDICATOR_ABI, APP_ABI, ASSET_HOLDER_ABI, ASSET_HOLDER_ERC20_ABI, ASSET_HOLDER_ETH_ABI } from "./abis";

// Deployment record
export type {
  CompilerInfo,
  DeployedContract,
  DeployedErc20Holder,
  DeployedHolder,
  DeploymentRecord,
} from "./deploymentRecord";

// Client
export { PerunEvmClient } from "./PerunEvmClient";
export type { HolderRef, PerunEvmClientOptions } from "./PerunEvmClient";
export type { EvmHolder, SignedState } from "./types";
export { deposit } from "./deposit";
export type { DepositRequest, DepositResult } from "./deposit";
export { depositForChannel } from "./depositForChannel";
export type { ChannelDepositRequest } from "./depositForChannel";
export { refute, register } from "./register";
export { progress } from "./progress";
export type { ProgressRequest } from "./progress";
export { conclude, concludeFinal } from "./conclude";
export { withdraw } from "./withdraw";
export type { WithdrawRequest, WithdrawResult } from "./withdraw";
export { DEFAULT_WITHDRAW_METHOD } from "./withdrawMethods";
export type { WithdrawMethod, WithdrawalSigner, WithdrawalSigningRequest } from "./withdrawMethods";
export { channelStatus } from "./channelStatus";
export type { ChannelPhase, ChannelStatus } from "./channelStatus";
export { LOG_CHUNK_BLOCKS, queryChannelEvents } from "./channelEvents";
export type {
  ChannelEventFilter,
  ChannelUpdateEvent,
  DepositedEvent,
  OutcomeSetEvent,
  PerunEvmEvent,
  WithdrawnEvent,
} from "./channelEvents";
export { watchChannelEvents } from "./watchChannelEvents";
export type { EventWatcher, WatchOptions } from "./watchChannelEvents";
export type { EvmReceipt } from "./sendContractTx";

// Reverts and errors
export { decodeRevertData } from "./contractErrors";
export type {
  BuiltinRevertName,
  DecodedRevert,
  PerunContractErrorName,
  PerunContractName,
  RevertArgs,
  RevertName,
} from "./contractErrors";
export { toEvmError } from "./toEvmError";
export {
  AllowanceNotRaisedError,
  ContractRevertError,
  EvmClientError,
  EvmClientInputError,
  EvmInsufficientFundsError,
  EvmRpcError,
  TransactionRevertedError,
  UnknownRevertError,
} from "./errors";
