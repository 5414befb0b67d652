import { FluentProvider, Tab, TabList, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { runRefresh } from "../commands/session";
import type { Analysis } from "../engine/judge/assess";
import type { Settings } from "../engine/config";
import { addReview, removeReview } from "../engine/judge/reviews";
import type { AddinHost } from "../hosts/office/addin-host";
import { NationalPanel } from "./NationalPanel";
import { OverviewPanel } from "./OverviewPanel";
import { summaryLine } from "./ResultBar";
import { ReviewPanel } from "./ReviewPanel";
import { buildReviewItems, ReviewItem } from "./review-items";
import { SettingsPanel } from "./SettingsPanel";
import { useSession } from "./use-session";
import { useStyles } from "./styles";
import { viewKey } from "./view-key";

type TabName = "overview" | "review" | "settings";

/** What the pane shows: the latest reading of the sheet, from detection or from a refresh, whichever came last. */
interface View {
  analysis?: Analysis;
  error?: string;
  sheetNames: string[];
  /** True while what is shown came from the last refresh; a newer reading hides that refresh's error. */
  fromRefresh?: boolean;
}

export function App({ host }: { host: AddinHost }) {
  const s = useStyles();
  const session = useSession();
  const [tab, setTab] = useState<TabName>("overview");
  const [loaded, setLoaded] = useState(() => host.loadSettings());
  const [view, setView] = useState<View>({ sheetNames: [] });
  const [announce, setAnnounce] = useState("");
  const [unsaved, setUnsaved] = useState(false);
  const settings = loaded.settings;
  const latest = useRef(settings);
  latest.current = settings;
  // The key of what is on screen: no need to read the sheet again for the same sheet and pins.
  const shownKey = useRef<string | null>(null);

  const key = viewKey(settings);
  useEffect(() => {
    if (key === shownKey.current) return;
    let live = true;
    const wanted = latest.current;
    host.detect(wanted).then(
      (d) => {
        if (!live) return;
        shownKey.current = d.analysis ? viewKey(wanted, d.analysis.sheet) : null;
        setView((v) => ({
          analysis: d.analysis,
          error: d.error,
          sheetNames: d.sheetNames.length ? d.sheetNames : v.sheetNames,
        }));
      },
      (e: unknown) => live && setView((v) => ({ sheetNames: v.sheetNames, error: (e as Error).message })),
    );
    return () => {
      live = false;
    };
  }, [host, key]);

  // After every refresh, from here or from the ribbon: its result replaces what detection read, the
  // settings are reloaded (reviews may be cleared), and a screen reader hears what happened.
  useEffect(() => {
    if (session.running || !session.finishedAt) return;
    const outcome = session.outcome;
    if (session.error) {
      shownKey.current = null;
      setView((v) => ({ sheetNames: v.sheetNames, fromRefresh: true }));
      setAnnounce(`Refresh failed. ${session.error}`);
    } else if (outcome) {
      const next = host.loadSettings();
      shownKey.current = viewKey(outcome.analysis.settings, outcome.analysis.sheet);
      setLoaded(next);
      setView((v) => ({ analysis: outcome.analysis, sheetNames: v.sheetNames, fromRefresh: true }));
      setAnnounce(summaryLine(session));
    }
  }, [session, host]);

  const save = useCallback(
    async (next: Settings) => {
      await host.saveSettings(next);
      setLoaded({ settings: next, problems: [] });
    },
    [host],
  );
  const change = (next: Settings) => {
    save(next).catch((e: unknown) => setAnnounce(`Settings not saved: ${(e as Error).message}`));
  };

  const analysis = view.analysis;
  const items = useMemo(
    () =>
      analysis
        ? buildReviewItems(
            analysis,
            settings.reviews,
            session.outcome?.analysis === analysis ? session.outcome.committee.plan : undefined,
          )
        : [],
    [analysis, settings.reviews, session.outcome],
  );

  const select = (sheet: string, address: string) => {
    host.select(sheet, address).then(
      () => setAnnounce(`Selected ${sheet} ${address}.`),
      (e: unknown) => setAnnounce(`Could not select ${sheet} ${address}: ${(e as Error).message}`),
    );
  };
  const review = (item: ReviewItem, mark: Parameters<typeof addReview>[2] | null) => {
    const next = mark ? addReview(settings, item.key, mark) : removeReview(settings, item.key, item.about);
    save(next).then(
      () =>
        setAnnounce(
          mark
            ? `Marked reviewed: ${item.indicator}. It will show in the committee sheet at the next refresh.`
            : `Review cleared: ${item.indicator}.`,
        ),
      (e: unknown) => setAnnounce(`Review not saved: ${(e as Error).message}`),
    );
  };
  const open = items.filter((i) => !i.review).length;

  return (
    <FluentProvider theme={host.darkTheme() ? webDarkTheme : webLightTheme}>
      <main className={s.root}>
        <header className={s.header}>
          <img src="assets/icon-32.png" alt="" className={s.logo} />
          <h1 className={s.title}>Scorecard</h1>
        </header>
        {loaded.problems.map((p) => (
          <p key={p} role="alert">
            {p}
          </p>
        ))}
        <TabList
          size="small"
          selectedValue={tab}
          onTabSelect={(_, d) => setTab(d.value as TabName)}
          aria-label="Scorecard"
        >
          <Tab value="overview" id="tab-overview">
            Overview
          </Tab>
          <Tab value="review" id="tab-review" aria-label={`Review (${open}), flags not yet reviewed`}>
            Review ({open})
          </Tab>
          <Tab
            value="settings"
            id="tab-settings"
            aria-label={unsaved ? "Settings, unsaved changes" : "Settings"}
          >
            {unsaved ? "Settings •" : "Settings"}
          </Tab>
        </TabList>
        <div role="tabpanel" aria-labelledby={`tab-${tab}`}>
          {tab === "overview" && (
            <OverviewPanel
              analysis={analysis}
              detectionError={view.error}
              fromRefresh={view.fromRefresh === true}
              sheetNames={view.sheetNames}
              settings={settings}
              session={session}
              onRefresh={() => void runRefresh(host, "pane")}
              onChangeSettings={change}
            />
          )}
          {tab === "review" && <ReviewPanel items={items} onSelect={select} onReview={review} />}
          {/* Kept mounted, so what was typed and not saved survives a look at another tab. */}
          <div hidden={tab !== "settings"}>
            <SettingsPanel
              settings={settings}
              analysis={analysis}
              onSave={save}
              onUnsavedChange={setUnsaved}
            />
          </div>
          {/* Mounted when shown, so the Department's figures load the first time Settings opens. */}
          {tab === "settings" && <NationalPanel analysis={analysis} settings={settings} onSave={save} />}
        </div>
        <div role="status" aria-live="polite" className={s.visuallyHidden}>
          {announce}
        </div>
      </main>
    </FluentProvider>
  );
}
