import { Badge, BadgeProps } from "@fluentui/react-components";
import type { Band } from "../engine/judge/banding";
import { BAND_SYMBOL, BAND_WORDS } from "../engine/paper/committee";

/** Fluent's status colours for the bands: red danger, amber the yellow warning, green success. */
export const BAND_COLOUR: Record<Band, BadgeProps["color"]> = {
  red: "danger",
  amber: "warning",
  green: "success",
  none: "informative",
};

/**
 * A band as the committee paper shows it: its colour, its shape (■ ◆ ●) and its word, so that it reads
 * without colour. `count` turns it into a tally ("■ 7 Red").
 */
export function RagBadge({ band, count, size }: { band: Band; count?: number; size?: BadgeProps["size"] }) {
  const word = band === "none" ? "Not banded" : BAND_WORDS[band];
  return (
    <Badge
      appearance={band === "none" ? "outline" : "filled"}
      color={BAND_COLOUR[band]}
      size={size ?? "medium"}
      shape="rounded"
      icon={<span aria-hidden="true">{BAND_SYMBOL[band]}</span>}
    >
      {count === undefined ? word : `${count} ${band === "none" ? "not banded" : word}`}
    </Badge>
  );
}
