/**
 * @jest-environment jsdom
 */
/**
 * An indicator's reference set apart from its measure wherever the pane names one: "1.2 % of
 * referrals" must not read (or be heard) as the figure 1.2%.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import { indicatorLabel } from "../../src/taskpane/indicator-label";
import { IndicatorName } from "../../src/taskpane/IndicatorName";

describe("indicatorLabel", () => {
  test("a reference is shown before a middle dot and spoken as a reference", () => {
    expect(indicatorLabel({ ref: "1.2", title: "% of referrals that were re-referrals" })).toEqual({
      ref: "1.2",
      title: "% of referrals that were re-referrals",
      text: "1.2 · % of referrals that were re-referrals",
      spoken: "Reference 1.2: % of referrals that were re-referrals",
    });
  });

  test.each([undefined, null, "", "  "])("no reference (%p): the title alone, nothing invented", (ref) => {
    expect(indicatorLabel({ ref, title: "Children in care" })).toEqual({
      title: "Children in care",
      text: "Children in care",
      spoken: "Children in care",
    });
  });
});

describe("IndicatorName", () => {
  test("inside a button: heard as 'Reference 1.2: …', seen as '1.2 · …' with the reference its own element", () => {
    const label = indicatorLabel({ ref: "1.2", title: "% of referrals that were re-referrals" });
    render(
      <FluentProvider theme={webLightTheme}>
        <button>
          <IndicatorName label={label} />
        </button>
      </FluentProvider>,
    );
    const button = screen.getByRole("button", {
      name: "Reference 1.2: % of referrals that were re-referrals",
    });
    const shown = button.querySelector('[aria-hidden="true"]');
    expect(shown?.textContent).toBe("1.2 · % of referrals that were re-referrals");
    expect(shown?.firstElementChild?.textContent).toBe("1.2");
  });

  test("without a reference the title is the whole name", () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <button>
          <IndicatorName label={indicatorLabel({ title: "Children in care" })} />
        </button>
      </FluentProvider>,
    );
    expect(screen.getByRole("button", { name: "Children in care" }).textContent).toBe("Children in care");
  });
});
