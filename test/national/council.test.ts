/** The council found by the names people write, near ones for a name that is not an authority's, and the title's suggestion. */
import { councilInText, findCouncil, unknownCouncilMessage } from "../../src/engine/judge/national/council";
import { DFE_CSC } from "../../src/national/dfe-csc";

const A = DFE_CSC.authorities;
const named = (name: string) => {
  const r = findCouncil(A, name);
  return "authority" in r ? r.authority.name : `near: ${r.near.map((a) => a.name).join("; ")}`;
};

test.each([
  ["Tower Hamlets", "Tower Hamlets"],
  ["tower hamlets", "Tower Hamlets"],
  ["London Borough of Tower Hamlets", "Tower Hamlets"],
  ["Tower Hamlets Council", "Tower Hamlets"],
  ["211", "Tower Hamlets"],
  ["Royal Borough of Kensington & Chelsea", "Kensington and Chelsea"],
  ["Bristol City Council", "Bristol, City of"],
  ["City of Bristol", "Bristol, City of"],
  ["Hull City Council", "Kingston upon Hull, City of"],
  ["St Helens", "St. Helens"],
  ["Durham County Council", "County Durham"],
  ["Lancashire County Council", "Lancashire"],
  ["Metropolitan Borough of Wigan", "Wigan"],
  ["City of London", "City of London"],
  ["City of York Council", "York"],
  ["Herefordshire", "Herefordshire, County of"],
  ["Stockton on Tees", "Stockton-on-Tees"],
  ["BCP Council", "Bournemouth, Christchurch and Poole"],
])("%s is %s", (name, expected) => {
  expect(named(name)).toBe(expected);
});

test("a name that is not an authority's gets the near ones, in one line", () => {
  expect(named("Tower Hamlet")).toBe("near: Tower Hamlets");
  expect(named("Northamptonshire")).toBe("near: West Northamptonshire; North Northamptonshire");
  expect(named("Kingston")).toBe("near: Kingston upon Hull, City of; Kingston upon Thames");
  const r = findCouncil(A, "Cumbria");
  const near = "near" in r ? r.near : [];
  expect(unknownCouncilMessage("Cumbria", near)).toBe(
    'No English local authority is called "Cumbria". Use the name the Department for Education gives it, such as "Tower Hamlets" or "Bristol, City of".',
  );
  expect(unknownCouncilMessage("Tower Hamlet", [A.find((a) => a.code === "211") ?? A[0]])).toBe(
    'No English local authority is called "Tower Hamlet". Did you mean Tower Hamlets?',
  );
});

test.each([
  ["London Borough of Tower Hamlets: Children's Social Care Scorecard", "Tower Hamlets"],
  ["NORTH YORKSHIRE COUNCIL CHILDREN AND FAMILIES PERFORMANCE", "North Yorkshire"],
  ["City of York: corporate parenting scorecard", "York"],
  ["Kingston upon Hull children's services KPIs", "Kingston upon Hull, City of"],
  ["Children's social care scorecard: reading the figures", undefined],
  ["Children's Social Care Performance Scorecard", undefined],
  ["Reading Borough Council scorecard", "Reading"],
])("the title %s names %s", (title, expected) => {
  expect(councilInText(A, [title])?.name).toBe(expected);
});
