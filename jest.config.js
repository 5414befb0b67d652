/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      {
        tsconfig: {
          jsx: "react-jsx",
          module: "commonjs",
          moduleResolution: "node",
          isolatedModules: true,
          // Without a target ts-jest compiles to ES5, whose helpers make loops over Maps and spreads slow.
          target: "ES2022",
        },
      },
    ],
  },
  testTimeout: 120000,
  setupFiles: ["<rootDir>/test/jsdom-setup.ts"],
  // Every package a test builds is checked against the rules Excel applies (test/package-check.ts).
  setupFilesAfterEnv: ["<rootDir>/test/package-check-setup.ts"],
  reporters: ["default", "<rootDir>/test/summary-reporter.js"],
};
