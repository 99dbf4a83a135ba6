/**
 * The README's API overview lists every export of every package entry (values and types,
 * read with the TypeScript compiler from src/), and nothing else. Entries come from
 * package.json `exports`, so a new entry needs its own `<!-- api: perun-adjudicators/<name> -->`
 * list.
 */
import { expect } from "chai";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

const ROOT = join(__dirname, "..", "..");

function exportedNames(entry: string): string[] {
  const program = ts.createProgram([entry], { strict: true, skipLibCheck: true, noEmit: true, types: [] });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  if (!source) throw new Error(`no ${entry}`);
  const symbol = checker.getSymbolAtLocation(source);
  if (!symbol) throw new Error(`${entry} is not a module`);
  return checker
    .getExportsOfModule(symbol)
    .map((s) => s.name)
    .sort();
}

/** Names in backticks before the " — " of each bullet after `<!-- api: <entry> -->`. */
function listedNames(readme: string, entry: string): string[] {
  const marker = `<!-- api: ${entry} -->`;
  const at = readme.indexOf(marker);
  if (at < 0) return [];
  const lines = readme
    .slice(at + marker.length)
    .replace(/^\n/, "")
    .split("\n");
  const bullets: string[] = [];
  for (const line of lines) {
    if (!line.startsWith("- ")) break;
    bullets.push(line);
  }
  return bullets.flatMap((line) => [...line.split(" — ")[0].matchAll(/`([A-Za-z_$][\w$]*)`/g)].map((m) => m[1])).sort();
}

describe("package: README API overview", () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const entries = Object.keys(pkg.exports).filter((k) => k !== "./package.json");

  it("has the entries . and ./evm", () => expect(entries).to.include.members([".", "./evm"]));

  for (const key of entries) {
    const name = key === "." ? "perun-adjudicators" : `perun-adjudicators/${key.slice(2)}`;
    const source = key === "." ? "src/index.ts" : `src/${key.slice(2)}/index.ts`;
    it(`${name}: every export is listed, every listed name is exported`, function () {
      this.timeout(120_000);
      const exported = exportedNames(join(ROOT, source));
      const listed = listedNames(readme, name);
      expect(listed.length, `README needs a "<!-- api: ${name} -->" list`).to.be.greaterThan(0);
      const duplicates = listed.filter((n, i) => listed.indexOf(n) !== i);
      expect(
        {
          missing: exported.filter((n) => !listed.includes(n)),
          unknown: listed.filter((n) => !exported.includes(n)),
          duplicates,
        },
        "README.md API overview",
      ).to.deep.equal({ missing: [], unknown: [], duplicates: [] });
    });
  }
});
