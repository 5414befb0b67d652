/* eslint-disable no-undef */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { functionFileFirst } = require("./scripts/function-file-first.cjs");

const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const officeDist = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));

/**
 * Dev certificates come from office-addin-dev-certs, only when the dev server asks for them. Where the
 * trust store cannot be touched (containers, CI, Linux without a supported store) the certificates
 * are generated but not trusted, and the developer is told how to trust the CA by hand.
 */
async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (e) {
    const defaults = require("office-addin-dev-certs/lib/defaults");
    const fs = require("fs");
    if (!fs.existsSync(defaults.localhostCertificatePath) || !fs.existsSync(defaults.localhostKeyPath)) {
      await devCerts.generateCertificates();
    }
    console.warn(
      `office-addin-dev-certs could not install its CA in this machine's trust store (${String(e.message).split("\n")[0]}).\n` +
        `Certificates were generated in ${defaults.certificateDirectory} without being trusted: import ${defaults.caCertificatePath} into your browser or OS to trust https://localhost:3000.`,
    );
    return {
      ca: fs.readFileSync(defaults.caCertificatePath),
      cert: fs.readFileSync(defaults.localhostCertificatePath),
      key: fs.readFileSync(defaults.localhostKeyPath),
    };
  }
}

/** The function file's scripts run blocking straight after office.js (scripts/function-file-first.cjs). */
class FunctionFileFirst {
  apply(compiler) {
    compiler.hooks.compilation.tap("FunctionFileFirst", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap("FunctionFileFirst", (data) => {
        data.headTags = functionFileFirst(data.headTags);
        return data;
      });
    });
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = process.argv.some((a) => a === "serve");
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        // The engine is pure (no host, no side effects on import): a module whose exports nothing uses
        // is left out, so that the pane's first script carries no paper it does not yet write.
        { test: /[\\/]src[\\/]engine[\\/]/, sideEffects: false },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // ES modules keep tree-shaking; CommonJS here would pull in all of Fluent UI.
            options: {
              compilerOptions: { module: "esnext", noEmit: false, sourceMap: dev },
              onlyCompileBundledFiles: true,
            },
          },
        },
      ],
    },
    performance: { hints: false },
    // One runtime for both entries on the page: the ribbon's commands and the pane then share one
    // instance of every module (the refresh session above all), and shared code is loaded once. The
    // commands entry itself imports nothing: it associates the ribbon's action and loads the refresh
    // (an async "ribbon" chunk) on the first press.
    optimization: {
      runtimeChunk: "single",
      splitChunks: { chunks: "all", minSize: 0, cacheGroups: { defaultVendors: false } },
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // The shared runtime: the ribbon's functions and the pane live in this one page.
        chunks: ["commands", "taskpane"],
        chunksSortMode: "manual",
        scriptLoading: "defer",
        templateParameters: {
          officeJs: process.env.OFFICE_JS_URL || (serving ? "office-js/office.js" : OFFICE_JS_CDN),
        },
      }),
      new FunctionFileFirst(),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
          // A local office.js for offline development; already minified, so the minimiser leaves it alone.
          ...[
            "office.js",
            "o15apptofilemappingtable.js",
            "excel-win32-16.01.js",
            "excel-web-16.00.js",
            "excel-mac-16.00.js",
            "en-us/office_strings.js",
          ].map((f) => ({ from: path.join(officeDist, f), to: `office-js/${f}`, info: { minimized: true } })),
        ],
      }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: serving ? { type: "https", options: await httpsOptions() } : undefined,
      port: 3000,
    },
  };
};
