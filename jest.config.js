/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      { tsconfig: { jsx: "react-jsx", module: "commonjs", moduleResolution: "node", isolatedModules: true } },
    ],
  },
  testTimeout: 120000,
  setupFiles: ["<rootDir>/test/jsdom-setup.ts"],
  reporters: ["default", "<rootDir>/test/summary-reporter.js"],
};
