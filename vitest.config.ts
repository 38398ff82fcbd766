import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["{src,prompts,channels,evals,test,bench}/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
