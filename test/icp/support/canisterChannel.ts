import { Principal } from "@icp-sdk/core/principal";
import { fundingId } from "../../../src/encoding/fundingId";
import { signState } from "../../../src/encoding/signState";
import type { Hex, State } from "../../../src/encoding/types";
import { CANISTER_ID, LEDGER_ID, type InstalledCanister } from "./canisterFixture";
import { makeChannel, makeState, userPrincipal, type TestChannel } from "./channels";

let nonce = 1000n;

/** A channel whose participants i hold funds on the fake ledgers and approved the canister; a fresh nonce each time. */
export function fundedChannel(
  c: InstalledCanister,
  n = 2,
  opts: { challengeDuration?: bigint; nonce?: bigint } = {},
): TestChannel & { users: Principal[] } {
  nonce += 1n;
  const ch = makeChannel(n, { nonce: opts.nonce ?? nonce, challengeDuration: opts.challengeDuration });
  const users: Principal[] = [];
  for (let i = 0; i < n; i++) {
    const u = userPrincipal(i);
    for (const fake of c.ledgers.fakes.values()) {
      fake.mint(u, 1_000_000n);
      fake.approve(u, CANISTER_ID.toUint8Array(), 1_000_000n);
    }
    users.push(Principal.fromUint8Array(u));
  }
  return Object.assign(ch, { users });
}

export function fid(ch: TestChannel, i: number): Hex {
  return fundingId(ch.id, ch.params.participants[i].ethAddress);
}

export function sigs(ch: TestChannel, s: State): Hex[] {
  return ch.keys.map((k) => signState(s, k));
}

export { makeState, LEDGER_ID };
