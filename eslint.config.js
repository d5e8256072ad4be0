import js from "@eslint/js";
import boundaries from "eslint-plugin-boundaries";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import importX from "eslint-plugin-import-x";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// The layers of app/. A file belongs to the first element whose pattern matches, so the store comes before the
// models that contain it and the generated clients before everything else.
const layers = [
  { type: "generated-prisma", pattern: "app/generated/prisma/**" },
  { type: "generated-kysely", pattern: "app/generated/kysely/**" },
  { type: "store", pattern: "app/models/store/**" },
  { type: "models", pattern: "app/models/**" },
  { type: "routes", pattern: "app/routes/**" },
  { type: "route-helpers", pattern: "app/route-helpers/**" },
  { type: "components", pattern: "app/components/**" },
  { type: "utils", pattern: "app/utils/**" },
  { type: "auth", pattern: "app/auth/**" },
  { type: "server", pattern: "app/server/**" },
  { type: "schemas", pattern: "app/schemas/**" },
  { type: "i18n", pattern: "app/i18n/**" },
  { type: "cli", pattern: "app/cli/**" },
  { type: "app-shell", pattern: "app/*" },
  { type: "emails", pattern: "emails/**" },
].map((layer) => ({ ...layer, partialMatch: false, exclusive: true }));

const to = (...types) => ({ to: { element: { types } } });

// Everything not named here is allowed: the rules only forbid the upward and sideways imports that the layers rule out.
const layerPolicies = [
  {
    // Routes reach the database through app/models only. Prisma's generated enums and row types may still be
    // imported as types (a route can name `Role` or `Event`), never as values.
    from: { element: { types: "routes" } },
    disallow: [to("store", "generated-kysely"), { ...to("generated-prisma"), dependency: { kind: "value" } }],
  },
  {
    from: { element: { types: "utils" } },
    disallow: [to("models", "store", "auth", "server", "routes", "route-helpers", "components")],
  },
  {
    from: { element: { types: ["models", "store"] } },
    disallow: [to("components", "routes", "route-helpers", "server", "auth")],
  },
  {
    // Components run in the browser: never the store, and nothing but types from server-only model modules or the
    // generated clients (a component may name the shape a loader returns; the import is erased from the bundle).
    from: { element: { types: "components" } },
    disallow: [
      to("store"),
      { to: { element: { types: "models" }, file: { categories: "server-only" } }, dependency: { kind: "value" } },
      { ...to("generated-prisma", "generated-kysely"), dependency: { kind: "value" } },
    ],
  },
];

export default tseslint.config(
  {
    ignores: ["app/generated/", "build/", "public/build/", "node_modules/", "tests/.tmp/", "data/", ".cache/"],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: "module",
      globals: { ...globals.node },
    },
    rules: {
      // `_name` marks a parameter or binding that is deliberately unused (a positional argument, a rest sibling).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}", "emails/**/*.tsx"],
    ...jsxA11y.flatConfigs.recommended,
    languageOptions: {
      ...jsxA11y.flatConfigs.recommended.languageOptions,
      globals: { ...globals.browser, ...globals.node },
    },
  },
  {
    // React code only: the hooks rules run the React Compiler's analysis, which costs seconds on large server modules.
    files: ["app/**/*.tsx", "app/**/use[A-Z]*.ts", "app/utils/nonce.ts"],
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ["app/**/*.{ts,tsx,js,mjs}", "emails/**/*.{ts,tsx}"],
    plugins: { boundaries, "import-x": importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      "boundaries/elements": layers,
      "boundaries/files": [{ category: "server-only", pattern: "**/*.server.{ts,tsx}" }],
      "boundaries/include": ["app/**/*", "emails/**/*"],
      "import/resolver": { typescript: { project: "./tsconfig.json" } },
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.json" })],
    },
    rules: {
      "boundaries/dependencies": ["error", { default: "allow", policies: layerPolicies }],
      // Type-only imports vanish at build time, so only value imports can form a cycle that matters at load.
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    files: ["public/sw.js"],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
  {
    // The check-in writer thread runs these modules under tsx without the app's path aliases.
    files: ["app/models/checkin-writer.worker.ts", "app/models/checkin-decision.server.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["~/*", "@emails/*"], message: "The writer thread has no path aliases: import relatively." }] }],
    },
  },
);
