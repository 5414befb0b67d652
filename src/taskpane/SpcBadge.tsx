import { Text } from "@fluentui/react-components";
import { MDC_COLOURS, MdcIcon } from "../engine/paper/mdc-icons";
import type { SpcSummary } from "./review-items";
import { useStyles } from "./styles";

/**
 * One of Making Data Count's icons, as NHS-trained members know them: a circle in MDC's colour with
 * H or L (the side of special cause), P, F or ? (assurance) inside, or common cause's grey line of
 * dots. Decorative: the word beside it carries the meaning.
 */
function Icon({ icon }: { icon: MdcIcon }) {
  const c = MDC_COLOURS[icon.colour];
  return (
    <svg width="18" height="18" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <circle cx="10" cy="10" r="8.5" fill="#FFFFFF" stroke={`#${c.ring}`} strokeWidth="2" />
      {icon.letter === "~" ? (
        <polyline
          points="4.5,11 7.5,13 10,8 12.5,12 15.5,10"
          fill="none"
          stroke={`#${c.text}`}
          strokeWidth="1.6"
          strokeLinejoin="round"
        />
      ) : (
        <text
          x="10"
          y="14"
          textAnchor="middle"
          fontSize="11"
          fontWeight="700"
          fontFamily="Arial, sans-serif"
          fill={`#${c.text}`}
        >
          {icon.letter}
        </text>
      )}
    </svg>
  );
}

/**
 * An indicator's Making Data Count reading: the variation and assurance icons, each with its word as
 * the committee sheet shows it. Screen readers hear the words, never the icons.
 */
export function SpcBadge({ spc }: { spc: SpcSummary | undefined }) {
  const s = useStyles();
  if (!spc) return null;
  const v = spc.variationIcon;
  const a = spc.assuranceIcon;
  const side = spc.side ? `, ${spc.side} the average` : "";
  const label = `SPC variation: ${v.word}${side}. Assurance: ${a ? a.word : "none (no target)"}.`;
  return (
    <Text as="span" size={200} className={s.reason} role="img" aria-label={label}>
      <span aria-hidden="true" style={{ display: "inline-flex", alignItems: "center", gap: "4px" }}>
        SPC: <Icon icon={v} /> {v.word}
        {a && (
          <>
            {" · "}
            <Icon icon={a} /> {a.word}
          </>
        )}
      </span>
    </Text>
  );
}
