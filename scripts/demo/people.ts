/**
 * The demo's participants. Their keys are derived from fixed labels, so every run (and every
 * chain) sees the same addresses and the printed figures are reproducible. These keys are
 * public: never send real funds to them.
 */
import { addressFromPrivateKey, keccak256, toChecksumAddress } from "../../src";
import type { Address, Hex } from "../../src";
import { DemoOptionError } from "../lib/scriptErrors";

/** The participants' names in channel order: Alice is the honest one, Bob the cheater. */
export const DEMO_NAMES = ["Alice", "Bob", "Carol", "Dave", "Erin"] as const;

/** A named channel participant with its signing key (the same secp256k1 identity on every chain). */
export interface DemoPerson {
  name: string;
  privateKey: Hex;
  /** Lowercase address (library form). */
  address: Address;
  /** EIP-55 form, for output. */
  display: string;
}

/** The person named `name`, key = keccak256("perun-adjudicators demo: <name>"). */
export function demoPerson(name: string): DemoPerson {
  const privateKey = keccak256(new TextEncoder().encode(`perun-adjudicators demo: ${name}`));
  const address = addressFromPrivateKey(privateKey);
  return { name, privateKey, address, display: toChecksumAddress(address) };
}

/** The first `n` of Alice, Bob, Carol, Dave, Erin. */
export function demoPeople(n = 2): DemoPerson[] {
  if (!Number.isInteger(n) || n < 2 || n > DEMO_NAMES.length)
    throw new DemoOptionError(`--participants must be between 2 and ${DEMO_NAMES.length}, got ${n}`, "--participants");
  return DEMO_NAMES.slice(0, n).map(demoPerson);
}
