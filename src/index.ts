/**
 * perun-adjudicators library entry: the one TypeScript implementation of the shared Perun
 * channel encoding (DESIGN.md §2) and its signatures. Explicit named exports only.
 */

// Types
export type { Address, Allocation, Asset, Hex, Params, Participant, State, SubAlloc, WithdrawalAuth } from "./encoding/types";

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

// Pre-signing check (issue 6)
export { MAX_CHALLENGE_DURATION, validateStateShape } from "./encoding/validateStateShape";
export type { ValidateStateShapeOptions } from "./encoding/validateStateShape";
export { addressFromPrivateKey } from "./encoding/addressFromPrivateKey";
export { assertExpectedSigner, parseSignature, recoverDigestSigner } from "./encoding/signaturePolicy";
export type { ParsedSignature } from "./encoding/signaturePolicy";

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
