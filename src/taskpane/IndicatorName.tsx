import { makeStyles, tokens } from "@fluentui/react-components";
import type { IndicatorLabel } from "./indicator-label";
import { useStyles } from "./styles";

const useNameStyles = makeStyles({
  ref: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
});

/**
 * An indicator's name inside a link, heading or label: the reference muted and apart from the measure
 * on screen, and "Reference 1.2: …" to a screen reader (the shown form is hidden from it).
 */
export function IndicatorName({ label }: { label: IndicatorLabel }) {
  const s = useStyles();
  const n = useNameStyles();
  if (!label.ref) return <>{label.title}</>;
  return (
    <>
      <span className={s.visuallyHidden}>{label.spoken}</span>
      <span aria-hidden="true">
        <span className={n.ref}>{label.ref}</span>
        <span className={n.ref}> · </span>
        {label.title}
      </span>
    </>
  );
}
