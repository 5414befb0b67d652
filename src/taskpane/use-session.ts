import { useEffect, useState } from "react";
import { getSession, SessionState, subscribe } from "../commands/session";

/** The shared refresh state, live: a refresh from the ribbon re-renders an open pane. */
export function useSession(): SessionState {
  const [s, setS] = useState(getSession());
  useEffect(() => subscribe(setS), []);
  return s;
}
