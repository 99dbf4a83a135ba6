import { Actor, HttpAgent } from "@icp-sdk/core/agent";
import type { Identity } from "@icp-sdk/core/agent";
import { Principal } from "@icp-sdk/core/principal";
import { idlFactory } from "../../typechain/icp/adjudicator.did";
import { AdjudicatorClient, type AdjudicatorActor } from "./AdjudicatorClient";

/**
 * A client for a deployed adjudicator over `@icp-sdk/core`'s HTTP agent. `host` is the
 * replica or boundary node URL (e.g. http://127.0.0.1:4943 for a local replica, whose root
 * key is then fetched: never do that against mainnet).
 */
export async function createAdjudicatorClient(options: {
  canisterId: string | Principal;
  host: string;
  identity?: Identity;
  local?: boolean;
}): Promise<AdjudicatorClient> {
  const agent = await HttpAgent.create({
    host: options.host,
    identity: options.identity,
    shouldFetchRootKey: options.local ?? false,
  });
  const canisterId =
    typeof options.canisterId === "string" ? Principal.fromText(options.canisterId) : options.canisterId;
  const actor = Actor.createActor(idlFactory, { agent, canisterId }) as unknown as AdjudicatorActor;
  return new AdjudicatorClient(actor, canisterId);
}
