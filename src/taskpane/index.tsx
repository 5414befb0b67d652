import { createRoot } from "react-dom/client";
import { readyOfficeHost } from "../hosts/office/office-host";
import { App } from "./App";

Office.onReady(async () => {
  const container = document.getElementById("container");
  if (container) createRoot(container).render(<App host={await readyOfficeHost()} />);
});
