/**
 * The README's client example: the TypeScript block that follows the marker
 * `<!-- client-example: cooperativeClose -->`. Tests compile and run exactly that text.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const README_EXAMPLE_MARKER = "<!-- client-example: cooperativeClose -->";

/** The library example (the "The library" section), after `<!-- library-example -->`. */
export const README_LIBRARY_EXAMPLE_MARKER = "<!-- library-example -->";

/** The example's source as it stands in README.md. */
export function readmeClientExample(root: string, marker = README_EXAMPLE_MARKER): string {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const at = readme.indexOf(marker);
  if (at < 0) throw new Error(`README.md has no ${marker}`);
  const match = /```ts\n([\s\S]*?)```/.exec(readme.slice(at));
  if (!match) throw new Error(`no \`\`\`ts block after ${marker}`);
  return match[1];
}
