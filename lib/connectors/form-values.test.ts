import { describe, expect, it } from "vitest";
import { PROVIDER_INFO } from "./providers";
import { messagesByPath, optionsFromForm, optionsSummary, optionText } from "./form-values";
import { parseProviderOptions } from "@/lib/validation/connectors";

const github = PROVIDER_INFO.github;
const jira = PROVIDER_INFO.jira;
const field = (info: typeof github, key: string) => info.fields.find((f) => f.key === key)!;

describe("connector form values", () => {
  it("shows stored lists and mappings one per line, and reads them back to the same options", () => {
    const stored = { projects: ["PAY", "WEB"], projectTeams: { PAY: "payments", WEB: "web" }, jql: "" };
    expect(optionText(field(jira, "projects"), stored.projects)).toBe("PAY\nWEB");
    expect(optionText(field(jira, "projectTeams"), stored.projectTeams)).toBe("PAY=payments\nWEB=web");
    const form = new FormData();
    form.set("options.projects", "PAY\nWEB");
    form.set("options.projectTeams", "PAY=payments\nWEB=web");
    form.set("options.jql", "  ");
    const options = optionsFromForm(jira.fields, form);
    expect(options).toEqual({ projects: "PAY\nWEB", projectTeams: "PAY=payments\nWEB=web" });
    expect(parseProviderOptions("jira", options)).toMatchObject({ ok: true, options: { projects: ["PAY", "WEB"], projectTeams: { PAY: "payments", WEB: "web" }, jql: null } });
  });

  it("leaves an empty list out so its default applies, and reads a checkbox as a boolean", () => {
    const form = new FormData();
    form.set("options.repos", "acme/api, acme/web");
    form.set("options.productionEnvironments", "");
    form.set("options.releasesAsDeployments", "on");
    const options = optionsFromForm(github.fields, form);
    expect(options).toEqual({ repos: "acme/api, acme/web", releasesAsDeployments: true });
    expect(parseProviderOptions("github", options)).toEqual({ ok: true, options: { repos: ["acme/api", "acme/web"], productionEnvironments: ["production"], releasesAsDeployments: true } });
    expect(optionsFromForm(github.fields, new FormData())).toEqual({ releasesAsDeployments: false });
  });

  it("names each failing field by its input's path, first message first", () => {
    const parsed = parseProviderOptions("github", { repos: "acme/api\nnot a repo" });
    expect(parsed.ok).toBe(false);
    const issues = parsed.ok ? [] : parsed.issues;
    expect(messagesByPath([...issues, { path: ["name"], message: "Enter a name" }, { path: "name", message: "second" }])).toEqual({
      "options.repos": "each must be owner/repo",
      name: "Enter a name",
    });
  });

  it("summarises what a connector reads in one line", () => {
    expect(optionsSummary(github, { repos: ["acme/api", "acme/web"], productionEnvironments: ["production"], releasesAsDeployments: true })).toBe(
      "Repositories: acme/api, acme/web · Production environments: production · Releases as deployments",
    );
    expect(optionsSummary(jira, { projects: [], projectTeams: { PAY: "payments" }, jql: null })).toBe("Project → team: PAY=payments");
  });
});
