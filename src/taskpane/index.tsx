import { createRoot } from "react-dom/client";
import { officeHost } from "../hosts/office/office-host";
import { App } from "./App";

Office.onReady(() => {
  const container = document.getElementById("container");
  if (container) createRoot(container).render(<App host={officeHost()} />);
});
