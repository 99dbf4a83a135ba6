import { IDL } from "@icp-sdk/core/candid";
import type { Principal } from "@icp-sdk/core/principal";
import { idlFactory } from "../../../typechain/icp/adjudicator.did";
import type { AdjudicatorActor } from "../../../src/icp/AdjudicatorClient";
import type { Cost, Ic0Host } from "../host/ic0Host";

/** The call was rejected (bad Candid, a trap, a missing method): carries the host's reject. */
export class HostReject extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
  ) {
    super(`rejected (${code}): ${reason}`);
  }
}

/**
 * An actor for the canister in the test host, made from the committed `.did`'s generated
 * idlFactory (typechain/icp) exactly like `@icp-sdk/core`'s Actor: arguments are encoded and
 * results decoded with the interface types, queries go through `query`. `lastCost` holds the
 * metered cost of the latest call.
 */
export function hostActor(host: Ic0Host, caller: () => Principal): AdjudicatorActor & { lastCost: Cost | undefined } {
  const service = idlFactory({ IDL }) as IDL.ServiceClass;
  const actor: Record<string, unknown> & { lastCost: Cost | undefined } = { lastCost: undefined };
  for (const [name, func] of service._fields) {
    const isQuery = func.annotations.includes("query");
    actor[name] = async (...args: unknown[]) => {
      const arg = new Uint8Array(IDL.encode(func.argTypes, args));
      const r = isQuery ? await host.query(name, arg, caller()) : await host.call(name, arg, caller());
      actor.lastCost = r.cost;
      if ("reject" in r) throw new HostReject(r.reject.code, r.reject.message);
      return IDL.decode(func.retTypes, r.reply)[0];
    };
  }
  return actor as unknown as AdjudicatorActor & { lastCost: Cost | undefined };
}
