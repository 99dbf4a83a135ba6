/**
 * ESLint (flat config): typescript-eslint's recommended rules over every TypeScript and
 * JavaScript file of the repository, with Prettier owning the formatting (eslint-config-prettier
 * turns off the rules it would fight). Generated and built folders are ignored; new source
 * folders (canisters/, ckb-scripts/, …) are linted without any change here.
 */
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Generated or built output: never linted, never formatted (kept in sync with .prettierignore). */
export const GENERATED = [
  "node_modules/",
  "dist/",
  "typechain/",
  "artifacts/",
  "cache/",
  "coverage/",
  "coverage.json",
  "**/.azle/",
  "**/.dfx/",
  "canisters/**/build/",
  "canisters/**/dist/",
  "ckb-scripts/**/build/",
  "ckb-scripts/**/dist/",
  "deployments/",
  "src/ckb/generated/",
];

export default tseslint.config(
  { ignores: GENERATED },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,mts,cts,js,mjs,cjs}"],
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
    },
  },
  {
    // CommonJS JavaScript (e.g. mocha's reporter) loads its dependencies with require.
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["test/**/*.{ts,js}"],
    languageOptions: { globals: { ...globals.mocha } },
  },
  {
    // The ICP test host and its fixtures sit on untyped boundaries: the wasm system API
    // (numbers and bigints by position), binaryen.js (no types), Candid values decoded with
    // IDL.decode, and PocketIC actors created from an IDL at run time.
    files: ["test/icp/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  prettier,
);
