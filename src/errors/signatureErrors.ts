import { PerunError } from "./PerunError";

/**
 * A signature violates the acceptance policy of DESIGN.md section 2. The policy lives in
 * src/encoding/signaturePolicy.ts; each rule has its own subclass so that the cross-chain
 * tests can check that every implementation rejects the same signature for the same reason.
 */
export class SignatureError extends PerunError {}

/** Not exactly 65 bytes (r ‖ s ‖ v). 64-byte EIP-2098 compact signatures are refused. */
export class SignatureLengthError extends SignatureError {
  constructor(length: number) {
    super(`signature must be 65 bytes, got ${length}`, { length });
  }
}

/** `v` is not 27 or 28. */
export class SignatureVError extends SignatureError {
  constructor(v: number) {
    super(`signature v must be 27 or 28, got ${v}`, { v });
  }
}

/** `r` is zero. */
export class SignatureRZeroError extends SignatureError {
  constructor() {
    super("signature r is zero", { r: 0n });
  }
}

/** `r` is not below the curve order n. */
export class SignatureRRangeError extends SignatureError {
  constructor(r: bigint) {
    super(`signature r ${r} is not below the curve order`, { r });
  }
}

/** `s` is zero. */
export class SignatureSZeroError extends SignatureError {
  constructor() {
    super("signature s is zero", { s: 0n });
  }
}

/** `s` is above n/2 (high-s, the malleable twin of a low-s signature; includes s ≥ n). */
export class SignatureHighSError extends SignatureError {
  constructor(s: bigint) {
    super(`signature s ${s} is above n/2 (only low-s is accepted)`, { s });
  }
}

/** (r, v) names no point on the curve, or recovery yields the point at infinity. */
export class SignatureRecoveryError extends SignatureError {
  constructor(cause: unknown) {
    super("signature does not recover to a public key", {}, cause);
  }
}

/** Recovery produced the zero address (what Solidity's ecrecover returns on failure). */
export class SignatureZeroAddressError extends SignatureError {
  constructor() {
    super("signature recovers to the zero address");
  }
}

/** The signature is well-formed but was made by someone other than the expected signer. */
export class SignatureSignerMismatchError extends SignatureError {
  constructor(expected: string, recovered: string) {
    super(`signature is by ${recovered}, expected ${expected}`, { expected, recovered });
  }
}

/**
 * Signing produced a signature whose recovery id cannot be expressed as v ∈ {27, 28}
 * (R.x ≥ n, probability about 2^-128). Callers may retry with another message; the
 * library never emits a signature its own policy would reject.
 */
export class SignatureUnrepresentableError extends SignatureError {
  constructor(recovery: number) {
    super(`signature recovery id ${recovery} cannot be encoded as v 27/28`, { recovery });
  }
}
