/**
 * RAG that reads as RAG: red looks red, amber amber, green green, and the three stay apart in
 * greyscale and for the common colour-vision deficiencies. Simulation uses the Machado, Oliveira and
 * Fernandes (2009) matrices at full severity, applied in linear RGB; distances are CIE76 ΔE in CIELAB;
 * contrast is WCAG 2's ratio of relative luminances.
 */
import { BAND_SYMBOL, PALETTE, buildCommitteePlan } from "../../src/engine/paper/committee";
import { MONTHLY, seedAnalysis } from "../helpers";

type RGB = [number, number, number];

const hex = (h: string): RGB => [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16) / 255) as RGB;
const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const linear = (h: string): RGB => hex(h).map(toLinear) as RGB;
const luminance = ([r, g, b]: RGB) => 0.2126 * r + 0.7152 * g + 0.0722 * b;
const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

function lab([r, g, b]: RGB): RGB {
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 / 116) * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}
const deltaE = (a: RGB, b: RGB) => Math.hypot(...([0, 1, 2].map((i) => lab(a)[i] - lab(b)[i]) as RGB));
const hue = (h: string) => {
  const [, a, b] = lab(linear(h));
  return ((Math.atan2(b, a) * 180) / Math.PI + 360) % 360;
};

const MACHADO: Record<string, number[][]> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};
const simulate = (c: RGB, m: number[][]): RGB =>
  m.map((row) => Math.min(1, Math.max(0, row[0] * c[0] + row[1] * c[1] + row[2] * c[2]))) as RGB;
const grey = (c: RGB): RGB => {
  const y = luminance(c);
  return [y, y, y];
};

const BANDS = { red: PALETTE.red, amber: PALETTE.amber, green: PALETTE.green };
const PAIRS = [
  ["red", "amber"],
  ["red", "green"],
  ["amber", "green"],
] as const;

describe("RAG colours", () => {
  test("red looks red, amber amber, green green (CIELAB hue angle)", () => {
    // CIELAB hue: pure red is about 40°, orange-amber 60-75°, yellow about 100°, green 130-150°.
    expect(hue(PALETTE.red)).toBeGreaterThan(20);
    expect(hue(PALETTE.red)).toBeLessThan(45);
    expect(hue(PALETTE.amber)).toBeGreaterThan(65);
    expect(hue(PALETTE.amber)).toBeLessThan(95);
    expect(hue(PALETTE.green)).toBeGreaterThan(120);
    expect(hue(PALETTE.green)).toBeLessThan(160);
  });

  test("the three stay apart in greyscale: a WCAG contrast of at least 1.5 between any two", () => {
    for (const [a, b] of PAIRS) {
      const ratio = contrast(luminance(linear(BANDS[a])), luminance(linear(BANDS[b])));
      expect({ pair: `${a}/${b}`, ok: ratio >= 1.5, ratio }).toMatchObject({ ok: true });
    }
  });

  test.each(Object.keys(MACHADO))("the three stay apart for %s (ΔE ≥ 20 after simulation)", (kind) => {
    for (const [a, b] of PAIRS) {
      const d = deltaE(simulate(linear(BANDS[a]), MACHADO[kind]), simulate(linear(BANDS[b]), MACHADO[kind]));
      const g = deltaE(grey(linear(BANDS[a])), grey(linear(BANDS[b])));
      expect({ pair: `${a}/${b}`, ok: d >= 20 && g >= 15, d, g }).toMatchObject({ ok: true });
    }
  });

  test("the words on each fill pass WCAG AA for normal text (4.5:1)", async () => {
    const { plan } = buildCommitteePlan({
      analysis: await seedAnalysis(MONTHLY),
      name: "Committee",
      generatedAt: new Date(2018, 10, 30),
    });
    for (const name of ["ragRed", "ragAmber", "ragGreen", "ragNone", "keyRed", "keyAmber", "keyGreen"]) {
      const s = plan.styles[name];
      expect(s.fill).toBeDefined();
      const ratio = contrast(luminance(linear(s.fill ?? "")), luminance(linear(s.color ?? "000000")));
      expect({ name, ok: ratio >= 4.5, ratio }).toMatchObject({ ok: true });
    }
  });

  test("band symbols are shapes, never the arrows the direction uses", () => {
    const arrows = ["▲", "▼", "►", "◄"];
    for (const s of Object.values(BAND_SYMBOL)) expect(arrows).not.toContain(s);
    expect(new Set(Object.values(BAND_SYMBOL)).size).toBe(4);
  });
});
