import { buildApp, buildIsStale } from "./build";

// `npm test` builds here, beside the type check and the linters, instead of in the tests' global set-up,
// where both test workers would wait for it. The set-up still builds if this was skipped (`npx vitest`).
if (buildIsStale()) buildApp();
