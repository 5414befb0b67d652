import { Text } from "@fluentui/react-components";
import type { SpcSummary } from "./review-items";
import { useStyles } from "./styles";

/**
 * An indicator's Making Data Count reading: variation and assurance, each a symbol and a word as the
 * committee sheet shows them. Screen readers hear the words, never the symbols' names.
 */
export function SpcBadge({ spc }: { spc: SpcSummary | undefined }) {
  const s = useStyles();
  if (!spc) return null;
  const [vSymbol, ...vWords] = spc.variation.split(" ");
  const [aSymbol, ...aWords] = spc.assurance.split(" ");
  const label = `SPC variation: ${vWords.join(" ")}${spc.side ? `, ${spc.side} the average` : ""}. Assurance: ${aWords.join(" ")}.`;
  return (
    <Text as="span" size={200} className={s.reason} role="img" aria-label={label}>
      <span aria-hidden="true">
        SPC: {vSymbol} {vWords.join(" ")} · {aSymbol} {aWords.join(" ")}
      </span>
    </Text>
  );
}
