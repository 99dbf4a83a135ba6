import { evaluateSigningPolicy } from "../../src";
import { policyCases } from "../policy/support/policyCases";

type Header = (description: string) => Record<string, string>;

function toJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
}

/**
 * `signing-policy.json`: the signing policy's table (test/policy/support/policyCases.ts) as
 * vectors, so any other client can check its pre-signing check against ours. Each vector is the
 * input (params, the state to sign, the previous state and the locked sub-channels' states when
 * the rule needs them) and the verdict: accept with the chains that hold the channel's assets, or
 * refuse with the chain whose rule refused ("all" for the shared structure) and the rule.
 *
 * The generator refuses to write a vector whose library verdict is not the table's expectation.
 */
export function buildPolicyVectors(header: Header): Record<string, unknown> {
  const vectors = policyCases().map((c) => {
    const v = evaluateSigningPolicy(c.params, c.state, { previous: c.previous, subStates: c.subStates });
    const got = v.ok ? { ok: true, chains: v.chains } : { ok: false, chain: v.chain, rule: v.rule };
    if (JSON.stringify(got) !== JSON.stringify(c.expect)) {
      throw new Error(
        `signing-policy vector ${c.name}: library says ${JSON.stringify(got)}, table ${JSON.stringify(c.expect)}`,
      );
    }
    return toJson({
      name: c.name,
      group: c.group,
      why: c.why,
      params: c.params,
      state: c.state,
      ...(c.previous === undefined ? {} : { previous: c.previous }),
      ...(c.subStates === undefined ? {} : { subStates: c.subStates }),
      expect: c.expect,
    });
  });
  return {
    "signing-policy.json": {
      ...header(
        "signing policy (src/policy, README 'Signing policy'): may an honest client sign `state` for a channel whose assets live on the chains its backends name? accept with those chains, or refuse with the chain whose rule refused ('all' = the shared structure) and the rule; `previous` is the latest state before it (absent: `state` is the initial state), `subStates` the locked sub-channels (params, state, their own subStates)",
      ),
      vectors,
    },
  };
}
