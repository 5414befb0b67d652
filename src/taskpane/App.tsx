import { FluentProvider, Tab, TabList, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useState } from "react";
import { runRefresh } from "../commands/session";
import type { Settings } from "../engine/config";
import { addReview, removeReview } from "../engine/reviews";
import type { AddinHost } from "../hosts/office/addin-host";
import type { Detection } from "../hosts/office/detect";
import { OverviewPanel } from "./OverviewPanel";
import { summaryLine } from "./ResultBar";
import { ReviewPanel } from "./ReviewPanel";
import { buildReviewItems, ReviewItem } from "./review-items";
import { SettingsPanel } from "./SettingsPanel";
import { useSession } from "./use-session";
import { useStyles } from "./styles";

type TabName = "overview" | "review" | "settings";

export function App({ host }: { host: AddinHost }) {
  const s = useStyles();
  const session = useSession();
  const [tab, setTab] = useState<TabName>("overview");
  const [loaded, setLoaded] = useState(() => host.loadSettings());
  const [detection, setDetection] = useState<Detection | undefined>();
  const [announce, setAnnounce] = useState("");
  const settings = loaded.settings;

  const redetect = useCallback(
    (next: Settings) => {
      host
        .detect(next)
        .then(setDetection, (e: unknown) => setDetection({ sheetNames: [], error: (e as Error).message }));
    },
    [host],
  );
  useEffect(() => redetect(settings), [redetect, settings.sourceSheet, settings.columns]);

  // After every refresh, from here or from the ribbon: reload settings (reviews may be cleared) and say what happened.
  useEffect(() => {
    if (session.running) return;
    if (session.error) setAnnounce(`Refresh failed. ${session.error}`);
    else if (session.outcome) {
      setLoaded(host.loadSettings());
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

  const analysis = session.outcome?.analysis ?? detection?.analysis;
  const items = useMemo(
    () => (analysis ? buildReviewItems(analysis, settings.reviews, session.outcome?.committee.plan) : []),
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
          <Tab value="overview">Overview</Tab>
          <Tab value="review">Review flags ({items.filter((i) => !i.review).length})</Tab>
          <Tab value="settings">Settings</Tab>
        </TabList>
        <div role="tabpanel" aria-label={tab}>
          {tab === "overview" && (
            <OverviewPanel
              analysis={analysis}
              detectionError={detection?.error}
              sheetNames={detection?.sheetNames ?? []}
              settings={settings}
              session={session}
              onRefresh={() => void runRefresh(host, "pane")}
              onChangeSettings={change}
            />
          )}
          {tab === "review" && <ReviewPanel items={items} onSelect={select} onReview={review} />}
          {tab === "settings" && <SettingsPanel settings={settings} analysis={analysis} onSave={save} />}
        </div>
        <div role="status" aria-live="polite" className={s.visuallyHidden}>
          {announce}
        </div>
      </main>
    </FluentProvider>
  );
}
