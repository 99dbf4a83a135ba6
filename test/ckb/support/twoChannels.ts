import { utils } from "@ckb-lumos/base";
import type { helpers } from "@ckb-lumos/lumos";
import { hexFrom } from "@ckb-ccc/core";
import type { CkbDeployment } from "../../../src/ckb";
import type { CkbWorld, Verdict } from "../../../scripts/lib/ckb/world";
import { capacityOf, withCapacity } from "./mutate";

type Skel = helpers.TransactionSkeletonType;

/**
 * The world's deployment with the channel type referenced through ckb-js-vm's hash-type byte
 * `hashType` instead (same bytecode: ckb-js-vm resolves every byte but 1 by data hash), i.e.
 * another type script, another script group, the same code.
 */
export function referencedAs(world: CkbWorld, hashType: "data" | "data2"): CkbDeployment {
  return { ...world.deployment, channelType: { ...world.deployment.channelType, hashType } };
}

/**
 * Another build of the channel type deployed in the world (the deployed bytecode plus `extra`,
 * as an upgraded deployment would be): another code hash and cell dep running the same rules.
 */
export function anotherBuild(world: CkbWorld, extra = new Uint8Array([0])): CkbDeployment {
  const data = new Uint8Array([...world.bundle, ...extra]);
  const cell = world.resource.mockCell(world.resource.createScriptUnused(), undefined, hexFrom(data));
  return {
    ...world.deployment,
    channelType: {
      codeHash: utils.ckbHash(data),
      hashType: "data1",
      cellDep: {
        outPoint: { txHash: cell.outPoint.txHash, index: "0x" + cell.outPoint.index.toString(16) },
        depType: "code",
      },
    },
  };
}

/**
 * An attacker's transaction that pays out channel X and channel Y (same participants) at once,
 * from the two honest payout skeletons of the builders: every input of both (Y's channel and
 * funds cells are its first `yChannelInputs` inputs; Y's fee payer is dropped), X's outputs,
 * with participant 0's output also carrying Y's participant-0 payout and the change taking the
 * rest of Y's inputs. Every other participant is paid ONCE for the two channels.
 */
export function payOutBoth(x: Skel, y: Skel, yChannelInputs: number): Skel {
  const yIn = y.get("inputs").slice(0, yChannelInputs);
  const yWit = y.get("witnesses").slice(0, yChannelInputs);
  const yOut0 = capacityOf(y.get("outputs").get(0)!);
  const yInCap = yIn.reduce((s, c) => s + capacityOf(c), 0n);
  const base = x.get("inputs").size;
  let skel = x
    .update("inputs", (l) => l.push(...yIn))
    .update("witnesses", (l) => l.push(...yWit))
    .update("cellDeps", (l) => {
      const have = new Set(l.map((d) => JSON.stringify(d)).toArray());
      return l.push(...y.get("cellDeps").filter((d) => !have.has(JSON.stringify(d))));
    });
  y.get("inputSinces").forEach((since, k) => {
    if (k < yChannelInputs) skel = skel.update("inputSinces", (m) => m.set(base + k, since));
  });
  const last = skel.get("outputs").size - 1;
  return skel.update("outputs", (l) =>
    l
      .update(0, (c) => withCapacity(c!, capacityOf(c!) + yOut0))
      .update(last, (c) => withCapacity(c!, capacityOf(c!) + yInCap - yOut0)),
  );
}

/** Exit codes of the channel-type groups in the order the verdict lists them (inputs first). */
export function channelTypeCodes(v: Verdict): number[] {
  return v.groups.filter((g) => g.script === "channel-type").map((g) => g.code);
}
