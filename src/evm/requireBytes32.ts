/** Input check for 32-byte IDs (channel and funding IDs) before anything is sent or read. */
import type { Hex } from "../index";
import { EvmClientInputError } from "./errors";

const BYTES32 = /^0x[0-9a-fA-F]{64}$/;

/** `value` as lower-case hex if it is 32 bytes of 0x-hex; else `EvmClientInputError` naming `name`. */
export function requireBytes32(value: unknown, name: string): Hex {
  if (typeof value === "string" && BYTES32.test(value)) return value.toLowerCase() as Hex;
  const shown = typeof value === "string" ? (value.length > 80 ? `${value.slice(0, 80)}…` : value) : typeof value;
  throw new EvmClientInputError(`${name} must be 32 bytes of 0x-hex (64 hex digits), got ${shown}`, {
    [name]: value,
  });
}
