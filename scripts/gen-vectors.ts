/**
 * Writes test/vectors/*.json from the library (see test/vectors/buildVectors.ts).
 * Usage: npm run gen:vectors. test/encoding/vectors.test.ts fails when the committed files
 * differ from what this would write.
 */
import { mkdirSync, readdirSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderVectors } from "../test/vectors/buildVectors";

const dir = join(__dirname, "..", "test", "vectors");
mkdirSync(dir, { recursive: true });
const files = renderVectors();
// Remove vector files that the generator no longer produces, so stale files cannot linger.
for (const name of readdirSync(dir)) {
  if (name.endsWith(".json") && !(name in files)) unlinkSync(join(dir, name));
}
for (const [name, content] of Object.entries(files)) {
  writeFileSync(join(dir, name), content);
  console.log(`wrote test/vectors/${name} (${content.length} bytes)`);
}
