/** Review marks: kept with the value they were made against, cleared when it changes. */
import { analyse } from "../../src/engine/judge/assess";
import { validateSettings } from "../../src/engine/config";
import { activeReviews, addReview, pruneReviews, removeReview } from "../../src/engine/judge/reviews";
import { gridOf, pct } from "../helpers";

const base = validateSettings(undefined).settings;
const sheet = (v: number) =>
  gridOf([
    ["Ref", "Measure", "Current", "Target"],
    ["A1", "Visits", pct(v), pct(0.9)],
  ]);

describe("reviews", () => {
  test("add, replace, remove", () => {
    let s = addReview(base, "A1", { about: "band", note: "Known", value: 0.8, at: "t" });
    s = addReview(s, "A1", { about: "band", note: "Known, plan agreed", value: 0.8, at: "t2" });
    expect(s.reviews.A1).toEqual([{ about: "band", note: "Known, plan agreed", value: 0.8, at: "t2" }]);
    expect(activeReviews(s, "A1", 0.8)).toHaveLength(1);
    expect(activeReviews(s, "A1", 0.81)).toHaveLength(0);
    expect(removeReview(s, "A1", "band").reviews).toEqual({});
  });

  test("a review is cleared when the value it was about changes; others are kept", () => {
    const s = addReview(addReview(base, "A1", { about: "band", note: "n", value: 0.8, at: "" }), "GONE", {
      about: "band",
      note: "kept",
      value: 1,
      at: "",
    });
    expect(pruneReviews(s, analyse(sheet(0.8)))).toEqual({ settings: s, cleared: 0 });
    const pruned = pruneReviews(s, analyse(sheet(0.85)));
    expect(pruned.cleared).toBe(1);
    expect(pruned.settings.reviews).toEqual({ GONE: [{ about: "band", note: "kept", value: 1, at: "" }] });
  });
});
