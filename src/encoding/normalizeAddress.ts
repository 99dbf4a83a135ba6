import { InvalidByteLengthError } from "../errors/encodingErrors";
import type { Address } from "./types";
import { hexByteLength } from "./internal/hex";
import { writeAddress } from "./internal/words";

/**
 * Validates an address (lowercase, uppercase, or mixed case that is a correct EIP-55
 * checksum) and returns it in lowercase, the form every library output uses.
 *
 * @throws InvalidHexError, InvalidByteLengthError, AddressChecksumError, InvalidValueTypeError
 */
export function normalizeAddress(value: string, field = "address"): Address {
  const n = hexByteLength(value, field);
  if (n !== 20) throw new InvalidByteLengthError(field, 20, n);
  // writeAddress validates digits and the checksum; the scratch word is discarded.
  writeAddress(new Uint8Array(32), 0, value, field);
  return value.toLowerCase() as Address;
}
