import { Button, Field, Textarea } from "@fluentui/react-components";
import { useState } from "react";
import { useStyles } from "./styles";

/** Notes are kept to what the workbook's settings keep (config.ts cuts a note at 500 characters). */
export const NOTE_LIMIT = 500;

export interface ReviewFormProps {
  indicator: string;
  initial: string;
  reviewed: boolean;
  /** A note to save, null to clear the review, undefined to leave it as it was. */
  onDone: (note: string | null | undefined) => void;
}

/** The review of one indicator: a note of several lines that prints in the committee paper. */
export function ReviewForm({ indicator, initial, reviewed, onDone }: ReviewFormProps) {
  const s = useStyles();
  const [note, setNote] = useState(initial);
  return (
    <div
      className={s.form}
      role="group"
      aria-label={`Review of ${indicator}`}
      onKeyDown={(e) => {
        if (e.key === "Escape") onDone(undefined);
      }}
    >
      <Field
        label="Review note"
        hint="Prints in the committee paper, in this indicator's “Why (and data quality)” column, as “✓ Reviewed: …” at the next refresh. A change in the value clears it."
      >
        <Textarea
          className={s.fill}
          value={note}
          onChange={(_, d) => setNote(d.value)}
          maxLength={NOTE_LIMIT}
          rows={3}
          resize="vertical"
          autoFocus
        />
      </Field>
      <div className={s.row}>
        <Button appearance="primary" onClick={() => onDone(note.trim() || "Checked")}>
          Save review
        </Button>
        {reviewed && <Button onClick={() => onDone(null)}>Clear review</Button>}
        <Button onClick={() => onDone(undefined)}>Cancel</Button>
      </div>
    </div>
  );
}
