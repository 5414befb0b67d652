/**
 * The Department's figures, loaded on first use. The command line bundles them; the pane fetches them,
 * with the engine's national code, as a chunk of its own only when the national panel first opens, so
 * the pane's first load carries neither. A failed load is not remembered: opening the panel retries.
 */
import type { NationalDataset } from "../engine/judge/national/dataset";

export type NationalKit = typeof import("./pane-kit");

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((e: unknown) => {
      loading = undefined;
      throw e;
    });
    return loading;
  };
}

export const loadNationalDataset: () => Promise<NationalDataset> = once(() =>
  import(/* webpackChunkName: "national" */ "./dfe-csc").then((m) => m.DFE_CSC),
);

export const loadNationalKit: () => Promise<NationalKit> = once(
  () => import(/* webpackChunkName: "national" */ "./pane-kit"),
);
