/**
 * Ways a malicious participant can tamper with a valid 65-byte `r ‖ s ‖ v` signature, each
 * breaking exactly one rule of the signature policy (DESIGN.md §2), with the custom error the
 * contracts must answer.
 */
import type { Hex } from "../../../src";
import type { ExpectedError } from "./expectCustomError";

/** The secp256k1 group order. */
export const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

/** The kinds of tampering. */
export type SigMutation = "highS" | "badV" | "short" | "long" | "zeroR";

export const SIG_MUTATIONS: readonly SigMutation[] = ["highS", "badV", "short", "long", "zeroR"];

const word = (x: bigint): string => x.toString(16).padStart(64, "0");

/**
 * Applies `kind` to `sig`; `pick` chooses among variants (which bad v). Returns the mutated
 * signature and the error its verification must raise.
 */
export function mutateSignature(sig: Hex, kind: SigMutation, pick: number): { sig: Hex; error: ExpectedError } {
  const body = sig.slice(2);
  const r = body.slice(0, 64);
  const s = BigInt(`0x${body.slice(64, 128)}`);
  const v = parseInt(body.slice(128, 130), 16);
  switch (kind) {
    case "highS": {
      // The same point with the other s: a valid ECDSA signature that the low-s rule refuses.
      const highS = SECP256K1_N - s;
      const flipped = v === 27 ? 28 : 27;
      return {
        sig: `0x${r}${word(highS)}${flipped.toString(16)}` as Hex,
        error: { name: "SignatureInvalidS", args: [`0x${word(highS)}`] },
      };
    }
    case "badV": {
      const bad = [0, 1, 29, 255][pick % 4];
      return {
        sig: `0x${r}${word(s)}${bad.toString(16).padStart(2, "0")}` as Hex,
        error: { name: "SignatureInvalidV", args: [BigInt(bad)] },
      };
    }
    case "short":
      return { sig: `0x${body.slice(0, 128)}` as Hex, error: { name: "SignatureInvalidLength", args: [64n] } };
    case "long":
      return { sig: `0x${body}00` as Hex, error: { name: "SignatureInvalidLength", args: [66n] } };
    case "zeroR":
      return {
        sig: `0x${"00".repeat(32)}${word(s)}${v.toString(16)}` as Hex,
        error: { name: "SignatureInvalidR", args: [`0x${"00".repeat(32)}`] },
      };
  }
}
