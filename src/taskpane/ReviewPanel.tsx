import { Button, Field, Input, Link, Select, Text, mergeClasses } from "@fluentui/react-components";
import { useState } from "react";
import type { ReviewMark } from "../engine/config";
import {
  GROUP_TITLES,
  ReviewFilter,
  ReviewGroup,
  ReviewItem,
  countByGroup,
  filterItems,
  groupByIndicator,
} from "./review-items";
import { SpcBadge } from "./SpcBadge";
import { useStyles } from "./styles";
import { plural } from "../engine/words";

export interface ReviewProps {
  items: ReviewItem[];
  onSelect: (sheet: string, address: string) => void;
  onReview: (item: ReviewItem, mark: ReviewMark | null) => void;
}

const GROUPS: ReviewGroup[] = ["red", "amber", "worsening", "data-quality", "checks"];

/** Counts in plain English: "7 red, 4 amber, 1 analyst check". */
export function countsLine(counts: Record<ReviewGroup, number>): string {
  return GROUPS.filter((g) => counts[g] > 0)
    .map((g) =>
      g === "checks" ? plural(counts[g], "analyst check") : `${counts[g]} ${GROUP_TITLES[g].toLowerCase()}`,
    )
    .join(", ");
}

function ReviewForm({ item, onDone }: { item: ReviewItem; onDone: (note: string | null) => void }) {
  const s = useStyles();
  const [note, setNote] = useState(item.review?.note ?? "");
  return (
    <div className={s.form}>
      <Field label="Review note" size="small">
        <Input
          className={s.fill}
          value={note}
          onChange={(_, d) => setNote(d.value)}
          maxLength={200}
          autoFocus
        />
      </Field>
      <div className={s.row}>
        <Button size="small" appearance="primary" onClick={() => onDone(note.trim() || "Checked")}>
          Save review
        </Button>
        <Button size="small" onClick={() => onDone(null)}>
          Cancel
        </Button>
      </div>
    </div>
  );
}

/** Every red, amber, worsening and data-quality flag, one card per indicator; each flag leads to its cell. */
export function ReviewPanel({ items, onSelect, onReview }: ReviewProps) {
  const s = useStyles();
  const [filter, setFilter] = useState<ReviewFilter>("all");
  const [query, setQuery] = useState("");
  const [editing, setEditing] = useState<string | null>(null);
  const shown = filterItems(items, filter, query);
  const cards = groupByIndicator(shown);
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
          : `${plural(items.length, "flag")}, ${open} not yet reviewed: ${countsLine(counts)}.`}
      </Text>
      <div className={s.pair}>
        <Field label="Show">
          <Select className={s.fill} value={filter} onChange={(_, d) => setFilter(d.value as ReviewFilter)}>
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
          <Input
            className={s.fill}
            value={query}
            onChange={(_, d) => setQuery(d.value)}
            placeholder="Reference or words"
          />
        </Field>
      </div>
      {items.length > 0 && cards.length === 0 && (
        <div className={s.card} role="status">
          <Text>
            No flags match{query.trim() ? ` “${query.trim()}”` : ""}
            {filter !== "all" ? " with this choice of what to show" : ""}.
          </Text>
          <div>
            <Button
              size="small"
              onClick={() => {
                setQuery("");
                setFilter("all");
              }}
            >
              Show all flags
            </Button>
          </div>
        </div>
      )}
      {cards.length > 0 && (
        <Text size={200} aria-live="polite">
          {plural(cards.length, "indicator")} shown.
        </Text>
      )}
      <ul className={s.list} aria-label="Indicators with flags">
        {cards.map((c) => (
          <li
            key={c.key}
            className={mergeClasses(s.card, c.worst === "red" && s.red, c.worst === "amber" && s.amber)}
            aria-labelledby={`card-${c.key}`}
          >
            <h3 className={s.h3} id={`card-${c.key}`} style={{ marginTop: 0 }}>
              {c.indicator}
            </h3>
            <div className={s.badges}>
              {c.groups.map((g) => (
                <span key={g} className={mergeClasses(s.badge, g === "red" && s.badgeRed)}>
                  {GROUP_TITLES[g]}
                </span>
              ))}
            </div>
            {/* One reading per indicator: every flag of a card shares its series. */}
            <SpcBadge spc={c.items[0]?.spc} />
            <ul className={s.flags}>
              {c.items.map((i) => (
                <li key={i.id} className={s.flag}>
                  <Link
                    as="button"
                    className={s.link}
                    onClick={() => onSelect(i.source.sheet, i.source.address)}
                    aria-label={`${i.indicator}. ${i.label} (${i.source.address}). Go to ${i.source.sheet} ${i.source.address}`}
                  >
                    {i.label} ({i.source.address})
                  </Link>
                  <span className={s.reason}>{i.reason}</span>
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
            {c.committee && (
              <div>
                <Link
                  as="button"
                  className={s.link}
                  onClick={() => c.committee && onSelect(c.committee.sheet, c.committee.address)}
                  aria-label={`Show in the committee sheet: ${c.indicator}`}
                >
                  Show in the committee sheet
                </Link>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
