import { PerunError } from "./PerunError";

/**
 * Bytes handed to a decoder are not the canonical `abi.encode` of a value of the expected
 * type. Decoders accept exactly the byte strings that the encoders produce (see
 * src/encoding/README.md, "Strict decoding"), so decode∘encode and encode∘decode are both
 * identities and every rejection names the rule that was broken and where.
 */
export class DecodingError extends PerunError {}

/** The input ends before a value that must be there. */
export class DecodeTruncatedError extends DecodingError {
  constructor(field: string, needed: number, available: number) {
    super(`${field}: input truncated, need ${needed} bytes, have ${available}`, { field, needed, available });
  }
}

/**
 * An offset word does not point where canonical `abi.encode` puts the data: right after the
 * previous item. Rejects out-of-range, backward, overlapping and gap-leaving offsets alike.
 */
export class DecodeOffsetError extends DecodingError {
  constructor(field: string, at: number, expected: number, actual: bigint) {
    super(`${field}: non-canonical offset ${actual} at byte ${at}, expected ${expected}`, {
      field,
      at,
      expected,
      actual,
    });
  }
}

/** Padding after a `bytes` value is not all zero. */
export class DecodePaddingError extends DecodingError {
  constructor(field: string, at: number) {
    super(`${field}: non-zero padding at byte ${at}`, { field, at });
  }
}

/** A uint64 / uint16 word (or an offset/length word) has bits set above the type's width. */
export class DecodeIntegerRangeError extends DecodingError {
  constructor(field: string, type: string, at: number) {
    super(`${field}: word at byte ${at} does not fit ${type}`, { field, type, at });
  }
}

/** An address word has non-zero bits in its upper 12 bytes. */
export class DecodeAddressError extends DecodingError {
  constructor(field: string, at: number) {
    super(`${field}: address word at byte ${at} has high bits set`, { field, at });
  }
}

/** A bool word is neither 0 nor 1. */
export class DecodeBoolError extends DecodingError {
  constructor(field: string, at: number) {
    super(`${field}: bool word at byte ${at} is neither 0 nor 1`, { field, at });
  }
}

/** Bytes remain after the complete value. */
export class DecodeTrailingBytesError extends DecodingError {
  constructor(expectedLength: number, actualLength: number) {
    super(`trailing bytes: value ends at ${expectedLength}, input has ${actualLength}`, {
      expectedLength,
      actualLength,
    });
  }
}

/**
 * An array or bytes length cannot possibly fit in the remaining input. Checked before any
 * allocation, so a hostile length word costs nothing.
 */
export class DecodeLengthError extends DecodingError {
  constructor(field: string, at: number, declared: bigint, maxPossible: number) {
    super(`${field}: length ${declared} at byte ${at} exceeds what the input can hold (${maxPossible})`, {
      field,
      at,
      declared,
      maxPossible,
    });
  }
}
