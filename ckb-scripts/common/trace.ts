import * as b from "@ckb-js-std/bindings";

/**
 * Cycle marks for the cost breakdown (npm run bench:ckb). `__CKB_TRACE__` is a build-time
 * constant: false in the deployed bundle, where the minifier drops these bodies; true only
 * in the bench's traced build, which prints `TRACE label=cycles …` through the VM's debug.
 */
declare const __CKB_TRACE__: boolean;
const marks: string[] = [];

export function mark(label: string): void {
  if (__CKB_TRACE__) marks.push(label + "=" + b.currentCycles());
}

export function report(): void {
  if (__CKB_TRACE__) b.debug("TRACE " + marks.join(" "));
}
