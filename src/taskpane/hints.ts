/**
 * The words a first-time reader meets in the pane, said plainly once, where they first appear. The
 * same sentences serve the pane and the README, so they cannot drift apart.
 */
export const HINTS = {
  polarity:
    "Polarity is which way is good: higher is better (visits on time), lower is better (re-referrals), within a range, or for information only.",
  spc: "SPC (statistical process control) tells real change from the usual ups and downs: special cause is a change unlikely to be chance; common cause is ordinary variation.",
  bands:
    "Red, amber and green compare the latest value with its targets: green meets the target, amber is close to it (between the minimum and upper targets, or within the tolerance), red is short of it.",
  checks:
    "Analyst checks are things only a person can settle, such as a target written in words or a polarity the sheet does not state.",
  keyboard: "Tab moves between indicators; the arrow keys move between the flags of one.",
} as const;
