import { PerunError } from "./PerunError";

/**
 * A value handed to an encoder (or to a signing/hashing helper) is not a valid value of
 * its Solidity type. Encoders never truncate, wrap or guess: they throw one of these.
 */
export class EncodingError extends PerunError {}

/** A string that should be 0x-prefixed hex is not (missing prefix, odd length, bad digit). */
export class InvalidHexError extends EncodingError {
  constructor(field: string, value: unknown, reason: string) {
    super(`${field}: invalid hex (${reason})`, { field, value, reason });
  }
}

/** A fixed-size value (address, bytes32, private key) has the wrong number of bytes. */
export class InvalidByteLengthError extends EncodingError {
  constructor(field: string, expected: number, actual: number) {
    super(`${field}: expected ${expected} bytes, got ${actual}`, { field, expected, actual });
  }
}

/** A mixed-case address whose capitalisation is not its EIP-55 checksum (likely a typo). */
export class AddressChecksumError extends EncodingError {
  constructor(field: string, value: string, expected: string) {
    super(`${field}: bad EIP-55 checksum ${value}, expected ${expected}`, { field, value, expected });
  }
}

/** An integer is negative or does not fit its Solidity type (uint16, uint64, uint256). */
export class IntegerOutOfRangeError extends EncodingError {
  constructor(field: string, type: string, value: bigint) {
    super(`${field}: ${value} does not fit ${type}`, { field, type, value });
  }
}

/**
 * A field has the wrong JavaScript type (e.g. a number where a bigint is required, a
 * string where a boolean is required, a missing array). Guards against untyped callers:
 * `1` and `1n` must not silently encode the same or differently.
 */
export class InvalidValueTypeError extends EncodingError {
  constructor(field: string, expected: string, value: unknown) {
    super(`${field}: expected ${expected}, got ${describe(value)}`, { field, expected, value });
  }
}

/** A private key is not a scalar in 1..n-1 of secp256k1. */
export class InvalidPrivateKeyError extends EncodingError {
  constructor(reason: string) {
    // Never put the key itself into the error.
    super(`invalid secp256k1 private key (${reason})`, { reason });
  }
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}
