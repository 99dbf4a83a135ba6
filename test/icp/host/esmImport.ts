/**
 * `import()` that survives TypeScript's CommonJS output (which would turn it into `require`).
 * binaryen.js is ESM with top-level await, so it cannot be `require`d.
 */

export const esmImport = new Function("specifier", "return import(specifier)") as <T = any>(
  specifier: string,
) => Promise<T>;
