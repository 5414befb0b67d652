import { Button, Field, Input, Select, Text, mergeClasses } from "@fluentui/react-components";
import { useState } from "react";
import type { ReviewMark } from "../engine/config";
import {
  GROUP_TITLES,
  ReviewFilter,
  ReviewGroup,
  ReviewItem,
  countByGroup,
  filterItems,
} from "./review-items";
import { SpcBadge } from "./SpcBadge";
import { useStyles } from "./styles";

export interface ReviewProps {
  items: ReviewItem[];
  onSelect: (sheet: string, address: string) => void;
  onReview: (item: ReviewItem, mark: ReviewMark | null) => void;
}

const GROUPS: ReviewGroup[] = ["red", "amber", "worsening", "data-quality", "checks"];

function ReviewForm({ item, onDone }: { item: ReviewItem; onDone: (note: string | null) => void }) {
  const [note, setNote] = useState(item.review?.note ?? "");
  return (
    <div className={useStyles().row}>
      <Field label="Review note" size="small">
        <Input value={note} onChange={(_, d) => setNote(d.value)} maxLength={200} autoFocus />
      </Field>
      <Button size="small" appearance="primary" onClick={() => onDone(note.trim() || "Checked")}>
        Save review
      </Button>
      <Button size="small" onClick={() => onDone(null)}>
        Cancel
      </Button>
    </div>
  );
}

/** Every red, amber, worsening and data-quality flag, grouped; each leads to its cell. */
export function ReviewPanel({ items, onSelect, onReview }: ReviewProps) {
  const s = useStyles();
  const [filter, setFilter] = useState<ReviewFilter>("all");
  const [query, setQuery] = useState("");
  const [editing, setEditing] = useState<string | null>(null);
  const shown = filterItems(items, filter, query);
  const counts = countByGroup(items);
  const open = items.filter((i) => !i.review).length;
  return (
    <section className={s.section} aria-labelledby="review-heading">
      <h2 id="review-heading" className={s.h2}>
        Review flags
      </h2>
      <Text as="p" size={200}>
        {items.length === 0
          ? "Nothing to review: no red, amber, worsening or data-quality flags."
          : `${items.length} flags, ${open} not yet reviewed: ${GROUPS.map((g) => `${counts[g]} ${GROUP_TITLES[g].toLowerCase()}`).join(", ")}.`}
      </Text>
      <div className={s.row}>
        <Field label="Show">
          <Select value={filter} onChange={(_, d) => setFilter(d.value as ReviewFilter)}>
            <option value="all">All flags</option>
            <option value="open">Not yet reviewed</option>
            <option value="special-cause">Special cause (SPC)</option>
            {GROUPS.map((g) => (
              <option key={g} value={g}>
                {GROUP_TITLES[g]} ({counts[g]})
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Find">
          <Input value={query} onChange={(_, d) => setQuery(d.value)} placeholder="Reference or words" />
        </Field>
      </div>
      {GROUPS.map((g) => {
        const list = shown.filter((i) => i.group === g);
        if (!list.length) return null;
        return (
          <div key={g}>
            <h3 className={s.h3} id={`group-${g}`}>
              {GROUP_TITLES[g]} ({list.length})
            </h3>
            <ul className={s.list} aria-labelledby={`group-${g}`}>
              {list.map((i) => (
                <li
                  key={i.id}
                  className={mergeClasses(s.item, g === "red" && s.red, g === "amber" && s.amber)}
                >
                  <Button
                    appearance="transparent"
                    className={s.itemButton}
                    onClick={() => onSelect(i.source.sheet, i.source.address)}
                    aria-label={`${i.indicator}. ${i.label}. Go to ${i.source.sheet} ${i.source.address}`}
                  >
                    <span>
                      <strong>{i.indicator}</strong> — {i.label}
                    </span>
                  </Button>
                  <span className={s.reason}>{i.reason}</span>
                  <SpcBadge spc={i.spc} />
                  {i.review && <span className={s.reason}>✓ Reviewed: {i.review.note}</span>}
                  {editing === i.id ? (
                    <ReviewForm
                      item={i}
                      onDone={(note) => {
                        setEditing(null);
                        if (note !== null)
                          onReview(i, { about: i.about, note, value: i.value, at: new Date().toISOString() });
                      }}
                    />
                  ) : (
                    <div className={s.row}>
                      {i.committee && (
                        <Button
                          size="small"
                          onClick={() => i.committee && onSelect(i.committee.sheet, i.committee.address)}
                        >
                          Show in committee sheet
                        </Button>
                      )}
                      <Button
                        size="small"
                        onClick={() => setEditing(i.id)}
                        aria-label={`${i.review ? "Edit review of" : "Mark reviewed:"} ${i.indicator}, ${i.label}`}
                      >
                        {i.review ? "Edit review" : "Mark reviewed"}
                      </Button>
                      {i.review && (
                        <Button
                          size="small"
                          onClick={() => onReview(i, null)}
                          aria-label={`Clear review of ${i.indicator}, ${i.label}`}
                        >
                          Clear review
                        </Button>
                      )}
                    </div>
                  )}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
