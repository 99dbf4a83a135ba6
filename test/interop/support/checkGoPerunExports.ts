/**
 * The TypeScript half of the interop test: our library (src/encoding) recomputes the channel ID,
 * the encodings and the state hash of every state go-perun signed, verifies go-perun's
 * signatures on them, and recovers the signer of every withdrawal authorisation go-perun sent
 * on-chain. One encoding, checked against the reference client. Each check also runs on a
 * tampered copy (one signature bit, one version), which must fail, so the check can fail.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  channelId,
  encodeParams,
  encodeState,
  hashState,
  recoverStateSigner,
  recoverWithdrawalAuthSigner,
  verifyStateSignature,
} from "../../../src";
import type { Address, Hex, Params, State, WithdrawalAuth } from "../../../src";

/** The scenarios whose exports are checked (the Go tests of the same names write them). */
export const EXPORTING_SCENARIOS = ["cooperative", "dispute", "subchannel", "nested"] as const;

interface ExportedState {
  label: string;
  params: {
    challengeDuration: string;
    nonce: string;
    participants: { ethAddress: string; ccAddress: string }[];
    app: string;
    ledgerChannel: boolean;
    virtualChannel: boolean;
  };
  state: {
    channelID: string;
    version: string;
    outcome: {
      assets: { chainID: string; ethHolder: string; ccHolder: string }[];
      backends: string[];
      balances: string[][];
      locked: { ID: string; balances: string[]; indexMap: string[] }[];
    };
    appData: string;
    isFinal: boolean;
  };
  goChannelID: string;
  goStateHash: string;
  goParamsEncoding: string;
  goStateEncoding: string;
  sigs: string[];
}

interface ExportedWithdrawal {
  holder: string;
  auth: {
    channelID: string;
    participant: { ethAddress: string; ccAddress: string };
    receiver: string;
    amount: string;
  };
  signature: string;
  holdingsBefore: string;
}

interface Export {
  scenario: string;
  states: ExportedState[];
  withdrawals: ExportedWithdrawal[];
}

/** One finding: what was checked and whether it held. */
export interface ExportCheck {
  scenario: string;
  what: string;
  ok: boolean;
  detail?: string;
}

const hex = (s: string): Hex => s.toLowerCase() as Hex;
const addr = (s: string): Address => s.toLowerCase() as Address;

function toParams(p: ExportedState["params"]): Params {
  return {
    challengeDuration: BigInt(p.challengeDuration),
    nonce: BigInt(p.nonce),
    participants: p.participants.map((x) => ({ ethAddress: addr(x.ethAddress), ccAddress: hex(x.ccAddress) })),
    app: addr(p.app),
    ledgerChannel: p.ledgerChannel,
    virtualChannel: p.virtualChannel,
  };
}

function toState(s: ExportedState["state"]): State {
  return {
    channelID: hex(s.channelID),
    version: BigInt(s.version),
    outcome: {
      assets: s.outcome.assets.map((a) => ({
        chainID: BigInt(a.chainID),
        ethHolder: addr(a.ethHolder),
        ccHolder: hex(a.ccHolder),
      })),
      backends: s.outcome.backends.map(BigInt),
      balances: s.outcome.balances.map((row) => row.map(BigInt)),
      locked: s.outcome.locked.map((l) => ({
        ID: hex(l.ID),
        balances: l.balances.map(BigInt),
        indexMap: l.indexMap.map(BigInt),
      })),
    },
    appData: hex(s.appData),
    isFinal: s.isFinal,
  };
}

const toHex = (b: Uint8Array): Hex => `0x${Buffer.from(b).toString("hex")}` as Hex;

/** Flips the lowest bit of the signature's s (byte 63): a different, still well-formed signature. */
function tamper(sig: string): Hex {
  const b = Buffer.from(sig.slice(2), "hex");
  b[63] ^= 1;
  return `0x${b.toString("hex")}` as Hex;
}

/** Checks every export in `outDir`. */
export function checkGoPerunExports(outDir: string): ExportCheck[] {
  const checks: ExportCheck[] = [];
  for (const scenario of EXPORTING_SCENARIOS) {
    const file = join(outDir, `${scenario}.json`);
    if (!existsSync(file)) {
      checks.push({
        scenario,
        what: "export present",
        ok: false,
        detail: `${file} missing (did the Go scenario fail?)`,
      });
      continue;
    }
    const ex = JSON.parse(readFileSync(file, "utf8")) as Export;
    const check = (what: string, ok: boolean, detail?: string): void => {
      checks.push({ scenario, what, ok, detail: ok ? undefined : detail });
    };
    check("states exported", ex.states.length > 0, "no states");
    for (const s of ex.states) {
      const params = toParams(s.params);
      const state = toState(s.state);
      const id = channelId(params);
      check(`${s.label}: encodeParams equals go-perun's`, toHex(encodeParams(params)) === hex(s.goParamsEncoding));
      check(`${s.label}: channelId equals go-perun's`, id === hex(s.goChannelID), `${id} vs ${s.goChannelID}`);
      check(`${s.label}: state.channelID is the channel ID`, state.channelID === id, `${state.channelID} vs ${id}`);
      check(`${s.label}: encodeState equals go-perun's`, toHex(encodeState(state)) === hex(s.goStateEncoding));
      const h = hashState(state);
      check(`${s.label}: hashState equals go-perun's`, h === hex(s.goStateHash), `${h} vs ${s.goStateHash}`);
      check(`${s.label}: one signature per participant`, s.sigs.length === params.participants.length);
      s.sigs.forEach((sig, i) => {
        const signer = params.participants[i].ethAddress;
        const recovered = recoverStateSigner(state, hex(sig));
        check(
          `${s.label}: signature ${i} recovers participant ${i}`,
          recovered === signer,
          `${recovered} vs ${signer}`,
        );
        check(`${s.label}: verifyStateSignature accepts signature ${i}`, verifyStateSignature(state, hex(sig), signer));
        // Negative controls: the same check must fail on a tampered signature or state.
        check(
          `${s.label}: a tampered signature ${i} is refused`,
          !safeVerify(state, tamper(sig), signer),
          "tampered signature accepted",
        );
        check(
          `${s.label}: signature ${i} does not verify for version + 1`,
          !safeVerify({ ...state, version: state.version + 1n }, hex(sig), signer),
          "signature verified for another version",
        );
      });
    }
    check("withdrawals exported", ex.withdrawals.length > 0, "none");
    for (const w of ex.withdrawals) {
      const auth: WithdrawalAuth = {
        channelID: hex(w.auth.channelID),
        participant: { ethAddress: addr(w.auth.participant.ethAddress), ccAddress: hex(w.auth.participant.ccAddress) },
        receiver: addr(w.auth.receiver),
        amount: BigInt(w.auth.amount),
      };
      const label = `withdrawal of ${w.auth.participant.ethAddress} at ${w.holder}`;
      const signer = recoverWithdrawalAuthSigner(auth, hex(w.signature));
      check(`${label}: signature recovers the participant`, signer === auth.participant.ethAddress, `${signer}`);
      check(
        `${label}: amount is the whole holdings (${w.holdingsBefore})`,
        auth.amount === BigInt(w.holdingsBefore),
        `${auth.amount} of ${w.holdingsBefore}`,
      );
    }
  }
  return checks;
}

function safeVerify(state: State, sig: Hex, signer: Address): boolean {
  try {
    return verifyStateSignature(state, sig, signer);
  } catch {
    return false;
  }
}
