/**
 * TypeScript mirrors of the Solidity structs of DESIGN.md section 2 (perun-eth-contracts
 * v1.0.0). Field names and order are the Solidity ones; every integer is a bigint (so
 * uint256 never loses precision and `1` vs `1n` cannot be confused), every bytes/bytesN/
 * address is a 0x-prefixed hex string, every bool a boolean.
 *
 * Decoders return lowercase hex; encoders accept any case for bytes and lowercase,
 * uppercase or valid EIP-55 checksummed addresses.
 */

/** 0x-prefixed hex string. */
export type Hex = `0x${string}`;

/** 20-byte Ethereum address as 0x + 40 hex digits. */
export type Address = Hex;

/** `Participant { address ethAddress; bytes ccAddress }` */
export interface Participant {
  /** Signing identity: the address recovered from the participant's signatures. */
  ethAddress: Address;
  /** Identity on non-EVM chains (e.g. a CKB lock script hash); may be empty. */
  ccAddress: Hex;
}

/**
 * `Params { uint256 challengeDuration; uint256 nonce; Participant[] participants;
 * address app; bool ledgerChannel; bool virtualChannel }`
 */
export interface Params {
  /** Challenge window in seconds. */
  challengeDuration: bigint;
  nonce: bigint;
  participants: Participant[];
  /** App contract, or the zero address for a payment channel. */
  app: Address;
  ledgerChannel: boolean;
  virtualChannel: boolean;
}

/** `Asset { uint256 chainID; address ethHolder; bytes ccHolder }` */
export interface Asset {
  chainID: bigint;
  ethHolder: Address;
  ccHolder: Hex;
}

/** `SubAlloc { bytes32 ID; uint256[] balances; uint16[] indexMap }` — balances per asset. */
export interface SubAlloc {
  ID: Hex;
  balances: bigint[];
  /** uint16 values. */
  indexMap: bigint[];
}

/**
 * `Allocation { Asset[] assets; uint256[] backends; uint256[][] balances; SubAlloc[] locked }`
 * with `balances[asset][participant]` and `backends[asset]` one of the BACKEND_* IDs.
 */
export interface Allocation {
  assets: Asset[];
  backends: bigint[];
  balances: bigint[][];
  locked: SubAlloc[];
}

/** `State { bytes32 channelID; uint64 version; Allocation outcome; bytes appData; bool isFinal }` */
export interface State {
  channelID: Hex;
  /** uint64. */
  version: bigint;
  outcome: Allocation;
  appData: Hex;
  isFinal: boolean;
}

/**
 * EVM `WithdrawalAuth { bytes32 channelID; Participant participant; address receiver;
 * uint256 amount }`, signed by `participant.ethAddress` to let `receiver` withdraw.
 */
export interface WithdrawalAuth {
  channelID: Hex;
  participant: Participant;
  receiver: Address;
  amount: bigint;
}
