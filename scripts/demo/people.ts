/**
 * The demo's participants. Their keys are derived from fixed labels, so every run (and every
 * chain) sees the same addresses and the printed figures are reproducible. These keys are
 * public: never send real funds to them.
 */
import { addressFromPrivateKey, keccak256, toChecksumAddress } from "../../src";
import type { Address, Hex, Participant } from "../../src";

/** 32 zero bytes: the `ccAddress` of a participant who needs no identity on other chains. */
export const ZERO_BYTES32: Hex = `0x${"00".repeat(32)}`;

/** A named channel participant with its signing key. */
export interface DemoPerson {
  name: string;
  privateKey: Hex;
  /** Lowercase address (library form). */
  address: Address;
  /** EIP-55 form, for output. */
  display: string;
  /** The participant as it appears in channel params. */
  participant: Participant;
}

/** The person named `name`, key = keccak256("perun-adjudicators demo: <name>"). */
export function demoPerson(name: string): DemoPerson {
  const privateKey = keccak256(new TextEncoder().encode(`perun-adjudicators demo: ${name}`));
  const address = addressFromPrivateKey(privateKey);
  return {
    name,
    privateKey,
    address,
    display: toChecksumAddress(address),
    participant: { ethAddress: address, ccAddress: ZERO_BYTES32 },
  };
}

/** Alice (the honest participant throughout) and Bob (who cheats in the second channel). */
export function demoPeople(): { alice: DemoPerson; bob: DemoPerson } {
  return { alice: demoPerson("Alice"), bob: demoPerson("Bob") };
}
