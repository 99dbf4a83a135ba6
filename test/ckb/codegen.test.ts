import { expect } from "chai";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { bytes } from "@ckb-lumos/codec";
import { generateCkbCodecs, generateTypechainCkb, OUT_DIR, SRC_OUT_DIR } from "../../scripts/ckb/codegenCkb";
import { ChannelStatus } from "../../typechain/ckb/perun";

/** typechain/ckb is exactly what the codegen makes from ckb-scripts/schemas (drift check). */
describe("CKB codegen: typechain/ckb from the molecule schemas", () => {
  it("the committed codecs (src/ckb/generated) and typechain/ckb equal a fresh generation", () => {
    for (const [dir, fresh] of [
      [SRC_OUT_DIR, generateCkbCodecs()],
      [OUT_DIR, generateTypechainCkb()],
    ] as const) {
      expect(readdirSync(dir).sort()).to.deep.equal([...fresh.keys()].sort());
      for (const [file, code] of fresh)
        expect(readFileSync(join(dir, file), "utf8"), `${dir}/${file} drifted: npm run codegen:ckb`).to.equal(code);
    }
  });

  it("packs Bytes with molecule's length header (the lumos codegen workaround holds)", () => {
    const packed = bytes.hexify(
      ChannelStatus.pack({ params: "0x0102", state: "0x", funded: "0x", extras: [], disputed: "0x00" }),
    );
    // table header (6 words) then params = 02000000 0102
    expect(packed.slice(2 + 6 * 8, 2 + 6 * 8 + 12)).to.equal("020000000102");
  });
});
