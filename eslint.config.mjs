import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

export default [
  { ignores: ["dist/**", "out/**", "coverage/**", "node_modules/**", "test-output/**", "*.config.js"] },
  ...officeAddins.configs.react,
  ...tseslint.configs.strict.map((c) => ({ ...c, files: ["**/*.{ts,tsx}"] })),
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: "module" },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-non-null-assertion": "error",
      "react/react-in-jsx-scope": "off",
      "react/prop-types": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // No function longer than a screen: a long function is a pipeline of named steps.
    files: ["src/**/*.{ts,tsx}"],
    rules: {
      "max-lines-per-function": ["error", { max: 60, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // The Office.js rules read every ".load"/".sync" as Office's; ExcelJS and the fake are not Office.js.
    files: ["src/hosts/file/**", "src/cli/**", "src/engine/**", "scripts/**", "test/**", "bench/**"],
    rules: {
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/call-sync-after-load": "off",
      "office-addins/no-context-sync-in-loop": "off",
    },
  },
  {
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/hosts/**", "**/taskpane/**", "**/commands/**", "**/cli/**"],
              message: "The engine knows no host or face.",
            },
            {
              group: ["exceljs", "react", "react-dom", "@fluentui/*", "node:*", "fs", "path"],
              message: "The engine is pure TypeScript.",
            },
            {
              group: ["**/national/dfe-csc", "**/national/load-dataset"],
              message: "The engine is handed the national dataset, never imports it.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: {
        require: "readonly",
        module: "writable",
        __dirname: "readonly",
        process: "readonly",
        console: "readonly",
      },
    },
  },
];
