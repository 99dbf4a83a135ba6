import { EncodingError } from "./encodingErrors";

/**
 * A principal (ICRC account owner, ledger, canister) is longer than the 29 bytes the
 * Internet Computer allows, so no account or canister could ever answer to it.
 */
export class PrincipalLengthError extends EncodingError {
  constructor(field: string, length: number) {
    super(`${field}: a principal has at most 29 bytes, got ${length}`, { field, length, max: 29 });
  }
}
