import type { Cell } from "@ckb-lumos/base";
import { helpers } from "@ckb-lumos/lumos";

type Skel = helpers.TransactionSkeletonType;

/** Hand-made malicious variants of builder output (an attacker does not use our builders). */
export function mapOutput(skel: Skel, index: number, f: (c: Cell) => Cell): Skel {
  return skel.update("outputs", (l) => l.set(index, f(structuredClone(l.get(index)!))));
}

export function addOutput(skel: Skel, cell: Cell, at?: number): Skel {
  return skel.update("outputs", (l) => (at === undefined ? l.push(cell) : l.insert(at, cell)));
}

export function removeOutput(skel: Skel, index: number): Skel {
  return skel.update("outputs", (l) => l.remove(index));
}

export function addInput(skel: Skel, cell: Cell, witness = "0x"): Skel {
  return skel.update("inputs", (l) => l.push(cell)).update("witnesses", (l) => l.push(witness));
}

export function setWitness(skel: Skel, index: number, witness: string): Skel {
  return skel.update("witnesses", (l) => l.set(index, witness));
}

export function setSince(skel: Skel, index: number, since: string): Skel {
  return skel.update("inputSinces", (m) => m.set(index, since));
}

export function capacityOf(c: Cell): bigint {
  return BigInt(c.cellOutput.capacity);
}

export function withCapacity(c: Cell, cap: bigint): Cell {
  return { ...c, cellOutput: { ...c.cellOutput, capacity: "0x" + cap.toString(16) } };
}
