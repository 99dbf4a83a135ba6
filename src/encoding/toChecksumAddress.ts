import type { Address } from "./types";
import { checksumAddress } from "./internal/words";
import { normalizeAddress } from "./normalizeAddress";

/** EIP-55 checksummed spelling of a valid address, for display to humans. */
export function toChecksumAddress(address: string): Address {
  return checksumAddress(normalizeAddress(address).slice(2)) as Address;
}
