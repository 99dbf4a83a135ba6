/**
 * perun-adjudicators library entry: the one TypeScript implementation of the shared Perun
 * channel encoding (DESIGN.md §2) and its signatures. Explicit named exports only.
 */

// Types
export type {
  Address,
  Allocation,
  Asset,
  Hex,
  Params,
  Participant,
  State,
  SubAlloc,
  WithdrawalAuth,
} from "./encoding/types";

// Backend IDs
export { BACKEND_CKB, BACKEND_ETH, BACKEND_ICP } from "./encoding/backends";

// Encoding and hashing
export { encodeParams } from "./encoding/encodeParams";
export { encodeState } from "./encoding/encodeState";
export { encodeWithdrawalAuth } from "./encoding/encodeWithdrawalAuth";
export { decodeParams } from "./encoding/decodeParams";
export { decodeState } from "./encoding/decodeState";
export { decodeWithdrawalAuth } from "./encoding/decodeWithdrawalAuth";
export { channelId } from "./encoding/channelId";
export { hashState } from "./encoding/hashState";
export { fundingId } from "./encoding/fundingId";
export { keccak256 } from "./encoding/keccak256";
export { normalizeAddress } from "./encoding/normalizeAddress";
export { toChecksumAddress } from "./encoding/toChecksumAddress";

// Signatures
export { ethSignedMessageDigest, hashEthSignedMessage } from "./encoding/hashEthSignedMessage";
export { signData, signDigest } from "./encoding/signData";
export { recoverDataSigner } from "./encoding/recoverDataSigner";
export { verifyDataSignature } from "./encoding/verifyDataSignature";
export { signState } from "./encoding/signState";
export { recoverStateSigner } from "./encoding/recoverStateSigner";
export { verifyStateSignature } from "./encoding/verifyStateSignature";
export { signWithdrawalAuth } from "./encoding/signWithdrawalAuth";
export { recoverWithdrawalAuthSigner } from "./encoding/recoverWithdrawalAuthSigner";
export { verifyWithdrawalAuthSignature } from "./encoding/verifyWithdrawalAuthSignature";
export { BOUND_WITHDRAWAL_DOMAIN, encodeBoundWithdrawalAuth } from "./encoding/encodeBoundWithdrawalAuth";
export type { BoundWithdrawalAuth } from "./encoding/encodeBoundWithdrawalAuth";
export { signBoundWithdrawalAuth } from "./encoding/signBoundWithdrawalAuth";
export { verifyBoundWithdrawalAuthSignature } from "./encoding/verifyBoundWithdrawalAuthSignature";

// The signing policy: the pre-signing check (src/policy)
export { checkSigningPolicy } from "./policy/checkSigningPolicy";
export { evaluateSigningPolicy } from "./policy/evaluateSigningPolicy";
export type { SigningPolicyRefused } from "./policy/evaluateSigningPolicy";
export type {
  AssetChains,
  PolicyRule,
  PolicySubject,
  SigningPolicyAccepted,
  SigningPolicyContext,
  SubChannelInfo,
} from "./policy/types";
export { BOUND_RULES, CHAIN_RULES } from "./policy/chainRules";
export { planDeposit } from "./policy/planDeposit";
export type { DepositPlan, DepositPlanRequest } from "./policy/planDeposit";
export { assetChains } from "./policy/assetChains";
export { limitsFor } from "./policy/limitsFor";
export type { BindingLimit, BindingLimits } from "./policy/limitsFor";
export {
  CHAIN_LIMITS,
  CKB_LIMITS,
  CKB_MAX_CKBYTES_TOTAL,
  CKB_MAX_UDT_TOTAL,
  CKB_MIN_PARTICIPANTS,
  EVM_LIMITS,
  EVM_MAX_ASSET_TOTAL,
  ICP_LIMITS,
} from "./policy/limits";
export type { ChainLimits, PolicyChain } from "./policy/limits";
// Its shared-structure part (also used on its own by EVM-only tools)
export { MAX_CHALLENGE_DURATION, validateStateShape } from "./encoding/validateStateShape";
export type { ValidateStateShapeOptions } from "./encoding/validateStateShape";
export { addressFromPrivateKey } from "./encoding/addressFromPrivateKey";
export { assertExpectedSigner, parseSignature, recoverDigestSigner } from "./encoding/signaturePolicy";
export type { ParsedSignature } from "./encoding/signaturePolicy";
export {
  SIGNATURE_OK,
  SIGNATURE_RULE_HIGH_S,
  SIGNATURE_RULE_LENGTH,
  SIGNATURE_RULE_R_RANGE,
  SIGNATURE_RULE_R_ZERO,
  SIGNATURE_RULE_S_ZERO,
  SIGNATURE_RULE_V,
  signatureRuleViolation,
} from "./encoding/signatureRules";
export {
  ethSignedDigestWith,
  SIGNATURE_RULE_RECOVERY,
  SIGNATURE_RULE_SIGNER,
  SIGNATURE_RULE_ZERO_ADDRESS,
  verifySignatureWith,
} from "./encoding/verifySignatureWith";
export type { SignatureCrypto } from "./encoding/verifySignatureWith";

// Internet Computer withdrawal authorisation (src/encoding/icp)
export type { IcpWithdrawalAuth } from "./encoding/icp/IcpWithdrawalAuth";
export { encodeIcpWithdrawalAuth, MAX_PRINCIPAL_BYTES } from "./encoding/icp/encodeIcpWithdrawalAuth";
export { decodeIcpWithdrawalAuth } from "./encoding/icp/decodeIcpWithdrawalAuth";
export { signIcpWithdrawalAuth } from "./encoding/icp/signIcpWithdrawalAuth";
export { recoverIcpWithdrawalAuthSigner } from "./encoding/icp/recoverIcpWithdrawalAuthSigner";

// Errors
export { PerunError } from "./errors/PerunError";
export {
  AddressChecksumError,
  EncodingError,
  IntegerOutOfRangeError,
  InvalidByteLengthError,
  InvalidHexError,
  InvalidPrivateKeyError,
  InvalidValueTypeError,
} from "./errors/encodingErrors";
export {
  DecodeAddressError,
  DecodeBoolError,
  DecodeIntegerRangeError,
  DecodeLengthError,
  DecodeOffsetError,
  DecodePaddingError,
  DecodeTrailingBytesError,
  DecodeTruncatedError,
  DecodingError,
} from "./errors/decodingErrors";
export {
  SignatureError,
  SignatureHighSError,
  SignatureLengthError,
  SignatureRecoveryError,
  SignatureRRangeError,
  SignatureRZeroError,
  SignatureSignerMismatchError,
  SignatureSZeroError,
  SignatureUnrepresentableError,
  SignatureVError,
  SignatureZeroAddressError,
} from "./errors/signatureErrors";
export { PrincipalLengthError } from "./errors/icpEncodingErrors";
export {
  PolicyAssetError,
  PolicyDepositError,
  PolicyLimitError,
  PolicySubChannelError,
  PolicyTransitionError,
  PolicyUnsupportedError,
  SigningPolicyError,
} from "./errors/signingPolicyErrors";
export type { PolicyScope } from "./errors/signingPolicyErrors";
/** Hex <-> bytes with the library's typed errors (for chain clients that speak bytes, e.g. Candid). */
export { bytesToHex, hexToBytes } from "./encoding/internal/hex";
export {
  ShapeBalanceRowsError,
  ShapeChallengeDurationError,
  ShapeChannelIdError,
  ShapeDuplicateParticipantError,
  ShapeIndexMapDuplicateError,
  ShapeIndexMapLengthError,
  ShapeIndexMapRangeError,
  ShapeLockedBalancesError,
  ShapeNoParticipantsError,
  ShapeRowLengthError,
  ShapeSubChannelDurationError,
  ShapeSubChannelIdError,
  ShapeSubChannelLedgerError,
  ShapeSubChannelParticipantError,
  ShapeVirtualChannelError,
  StateShapeError,
} from "./errors/stateShapeErrors";
