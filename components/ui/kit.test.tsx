import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ConfirmDialog } from "./dialog";
import { ErrorAlert } from "./error-alert";
import { Field, Select } from "./field";
import { StatusBadge } from "./status-badge";

describe("StatusBadge", () => {
  it("shows the words with the tone's colours and a hidden dot", () => {
    const html = renderToStaticMarkup(<StatusBadge tone="amber" dot title="Green at 90%">Near target</StatusBadge>);
    expect(html).toContain("bg-amber-50 text-amber-900");
    expect(html).toContain('title="Green at 90%"');
    expect(html).toContain('<span aria-hidden="true" class="h-1.5 w-1.5 rounded-full bg-amber-500"></span>Near target');
  });
});

describe("ErrorAlert", () => {
  it("announces the message, and renders nothing without one", () => {
    expect(renderToStaticMarkup(<ErrorAlert variant="box">Could not save.</ErrorAlert>)).toBe(
      '<p role="alert" class="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">Could not save.</p>',
    );
    expect(renderToStaticMarkup(<ErrorAlert>{null}</ErrorAlert>)).toBe("");
  });
});

describe("Field and Select", () => {
  it("ties the hint and the error to the control", () => {
    const html = renderToStaticMarkup(
      <Field id="name" label="Name" hint="As people know it" error="Required">
        {(c) => <input {...c} />}
      </Field>,
    );
    expect(html).toContain('<label for="name"');
    expect(html).toContain('<input id="name" aria-describedby="name-hint name-error" aria-invalid="true"/>');
    expect(html).toContain('<p id="name-hint" class="mt-1 text-xs text-slate-600">As people know it</p>');
    expect(html).toContain('<p id="name-error" role="alert"');
  });

  it("renders a labelled select with its options and no description when there is none", () => {
    const html = renderToStaticMarkup(<Select id="p" label="Pillar" options={[{ value: "a", label: "Alpha" }]} defaultValue="a" />);
    expect(html).toContain('<label for="p"');
    expect(html).toMatch(/<select id="p" class="[^"]*"><option value="a" selected="">Alpha<\/option><\/select>/);
    expect(html).not.toContain("aria-describedby");
  });
});

describe("ConfirmDialog", () => {
  it("is an alert dialog named by its title, with the action on its button", () => {
    const html = renderToStaticMarkup(<ConfirmDialog open title="Archive Hotfixes?" confirmLabel="Archive Hotfixes" onConfirm={() => {}} onCancel={() => {}} />);
    expect(html).toMatch(/<dialog role="alertdialog" aria-labelledby="([^"]+)"[^>]*>.*<h2 id="\1"[^>]*>Archive Hotfixes\?<\/h2>/);
    expect(html).toContain(">Archive Hotfixes</button>");
  });
});
