import { Actor, HttpAgent } from "@icp-sdk/core/agent";
import type { Agent, Identity } from "@icp-sdk/core/agent";
import { Principal } from "@icp-sdk/core/principal";
import { idlFactory } from "../../typechain/icp/adjudicator.did";
import { AdjudicatorClient, type AdjudicatorActor } from "./AdjudicatorClient";
import { IcpClientInputError } from "./errors";
import { icpCall } from "./icpInputs";

/** Options of `createAdjudicatorClient`: an agent of your own, or a host to make one for. */
export type AdjudicatorClientOptions =
  | {
      canisterId: string | Principal;
      /** An agent you made (your identity, your root key handling); used as it is. */
      agent: Agent;
    }
  | {
      canisterId: string | Principal;
      /** Replica or boundary node URL, e.g. "https://icp-api.io" or "http://127.0.0.1:4943". */
      host: string;
      identity?: Identity;
      /**
       * Whether `host` is a local replica (dfx, icp-cli, PocketIC): its root key is fetched from
       * it, because a local replica's key is not the IC's. Default: true exactly when `host` is a
       * loopback address (127.0.0.0/8, localhost, [::1]); pass it for a replica elsewhere (a
       * container). Never set it for mainnet: a fetched key trusts whoever answers.
       */
      local?: boolean;
    };

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/i;

/** True when `host`'s hostname is a loopback address. */
export function isLoopbackHost(host: string): boolean {
  try {
    return LOOPBACK.test(new URL(host).hostname);
  } catch {
    return false;
  }
}

/**
 * A client for a deployed adjudicator over `@icp-sdk/core`'s HTTP agent, or over an agent you
 * pass. With `host`, a local replica's root key is fetched (see `local`); a host that cannot be
 * reached then fails here with an `IcpAgentError`. Malformed options are `IcpClientInputError`s.
 */
export async function createAdjudicatorClient(options: AdjudicatorClientOptions): Promise<AdjudicatorClient> {
  const canisterId = parseCanisterId(options.canisterId);
  let agent: Agent;
  if ("agent" in options && options.agent !== undefined) {
    agent = options.agent;
  } else {
    const { host, identity, local } = options as Extract<AdjudicatorClientOptions, { host: string }>;
    if (typeof host !== "string" || !/^https?:\/\/[^/]/.test(host)) {
      throw new IcpClientInputError(`host must be an http(s) URL, got ${String(host)}`, { host });
    }
    const fetchRootKey = local ?? isLoopbackHost(host);
    agent = await icpCall(fetchRootKey ? `fetch the root key of the local replica at ${host}` : "create agent", () =>
      HttpAgent.create({ host, identity, shouldFetchRootKey: fetchRootKey }),
    );
  }
  const actor = Actor.createActor(idlFactory, { agent, canisterId }) as unknown as AdjudicatorActor;
  return new AdjudicatorClient(actor, canisterId);
}

function parseCanisterId(value: unknown): Principal {
  if (value instanceof Principal) return value;
  if (typeof value === "string") {
    try {
      return Principal.fromText(value);
    } catch (e) {
      throw new IcpClientInputError(
        `canisterId "${value}" is not a principal (textual form, e.g. "rrkah-fqaaa-aaaaa-aaaaq-cai")`,
        { canisterId: value },
        e,
      );
    }
  }
  const p = value as { toUint8Array?: unknown } | null;
  if (typeof p === "object" && p !== null && typeof p.toUint8Array === "function") return value as Principal;
  throw new IcpClientInputError(`canisterId must be a principal or its text, got ${typeof value}`, {
    canisterId: typeof value,
  });
}
