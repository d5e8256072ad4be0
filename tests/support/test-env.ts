// The environment of every test process, and of the process that seeds the demo template (global-setup.ts):
// sealed secrets in the template must open under the same SESSION_SECRET in the tests.
export const testEnv = {
  NODE_ENV: "test",
  SEED_DEMO: "false",
  SESSION_SECRET: "test-secret-test-secret-test-secret-123",
  APP_URL: "http://127.0.0.1",
} as const;
