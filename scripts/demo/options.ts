/**
 * The options of `npm start` (scripts/demo.ts), parsed strictly: every option is known, takes
 * exactly one value in range, and appears at most once; anything else is a `DemoOptionError`
 * whose message names the offending option (the CLI prints it and exits 2).
 */
import { DemoOptionError } from "../lib/scriptErrors";
import { DEMO_NAMES } from "./people";

/** Which channel stories to run. */
export type DemoMode = "cooperative" | "dispute" | "both";

export interface DemoOptions {
  /** Channel participants: Alice (honest), Bob (the cheater in the dispute), Carol, … */
  participants: number;
  /** Off-chain updates per channel, each signed once by everyone. */
  updates: number;
  mode: DemoMode;
}

export const DEFAULT_OPTIONS: DemoOptions = { participants: 2, updates: 3, mode: "both" };

/**
 * Upper bound of `--participants`: the demo has five named people. The chains allow more (CKB
 * up to 255, the EVM and the canister any number), but each participant adds a funding
 * transaction per chain and a CKB VM run of 0.5–2.5 s.
 */
export const MAX_PARTICIPANTS = DEMO_NAMES.length;
/** Upper bound of `--updates`: off-chain updates cost no gas, but each is signed and verified by everyone. */
export const MAX_UPDATES = 1000;

const MODES: readonly DemoMode[] = ["cooperative", "dispute", "both"];

export const DEMO_USAGE = `usage: npm start -- [options]

One Perun channel whose outcome holds assets on three chains (EVM: ETH and an ERC-20;
ICP: an ICRC token; CKB: CKBytes and a UDT), signed once per update, settled on all three:
Hardhat's in-process EVM, the adjudicator canister's wasm in the test host, the CKB scripts
in the CKB VM.

options:
  --participants N   channel participants, ${2}..${MAX_PARTICIPANTS} (Alice, Bob, Carol, Dave, Erin); default ${DEFAULT_OPTIONS.participants}
  --updates K        off-chain updates per channel, 1..${MAX_UPDATES}; default ${DEFAULT_OPTIONS.updates}
  --mode M           cooperative | dispute | both; default ${DEFAULT_OPTIONS.mode}
  --help             print this text and exit

Exit status: 0 when every step and check passed, 1 when one failed, 2 on a bad option.
EVM network: Hardhat's in-process network; HARDHAT_NETWORK=localhost (with EVM_RPC_URL)
runs the EVM part against a node instead.`;

/** Parsed command line: run with options, or print the usage. */
export type DemoCommand = { kind: "run"; options: DemoOptions } | { kind: "help" };

/** Parses `argv` (without node and script); throws `DemoOptionError` on anything it does not accept. */
export function parseDemoOptions(argv: readonly string[]): DemoCommand {
  const options: DemoOptions = { ...DEFAULT_OPTIONS };
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") return { kind: "help" };
    const eq = arg.indexOf("=");
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    if (name !== "--participants" && name !== "--updates" && name !== "--mode") {
      throw new DemoOptionError(
        arg.startsWith("-") ? `unknown option ${name} (see --help)` : `unexpected argument "${arg}" (see --help)`,
        name,
      );
    }
    if (seen.has(name)) throw new DemoOptionError(`${name} given twice`, name);
    seen.add(name);
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || value.startsWith("--")) throw new DemoOptionError(`${name} needs a value`, name);
      i++;
    }
    if (name === "--mode") {
      if (!MODES.includes(value as DemoMode))
        throw new DemoOptionError(`--mode must be cooperative, dispute or both, got "${value}"`, name);
      options.mode = value as DemoMode;
    } else if (name === "--participants") {
      options.participants = integerIn(name, value, 2, MAX_PARTICIPANTS);
    } else {
      options.updates = integerIn(name, value, 1, MAX_UPDATES);
    }
  }
  return { kind: "run", options };
}

function integerIn(name: string, value: string, min: number, max: number): number {
  if (!/^[0-9]+$/.test(value)) throw new DemoOptionError(`${name} must be a whole number, got "${value}"`, name);
  const n = Number(value);
  if (n < min || n > max) throw new DemoOptionError(`${name} must be between ${min} and ${max}, got ${n}`, name);
  return n;
}
