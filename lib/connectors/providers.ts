/**
 * The pull connectors' public description, shared by the Admin page, the CLI and validation: each provider's
 * name, default API address, the token it needs, and its own fields. One list drives the form's inputs, the
 * CLI's flags (`--repos owner/repo,…`) and the options schema (lib/validation/connectors.ts).
 */
export const PROVIDERS = ["github", "gitlab", "jira", "pagerduty"] as const;
export type ProviderName = (typeof PROVIDERS)[number];

export interface ConnectorField {
  /** The key in the connector's options, and (kebab-cased) its CLI flag. */
  key: string;
  label: string;
  /** list: comma- or line-separated values; mapping: `from=to` pairs. */
  kind: "text" | "list" | "mapping" | "boolean";
  required?: boolean;
  help: string;
  /** Shown as the input's placeholder and in the CLI's usage. */
  example?: string;
}

export interface ProviderInfo {
  name: ProviderName;
  label: string;
  defaultApiUrl: string;
  /** What the token must allow, in the provider's own terms (README lists the same). */
  tokenHelp: string;
  fields: readonly ConnectorField[];
}

const productionEnvironments: ConnectorField = {
  key: "productionEnvironments",
  label: "Production environments",
  kind: "list",
  help: "Deployments to these environments count in DORA metrics; others are skipped.",
  example: "production",
};

export const PROVIDER_INFO: Record<ProviderName, ProviderInfo> = {
  github: {
    name: "github",
    label: "GitHub",
    defaultApiUrl: "https://api.github.com",
    tokenHelp: "A fine-grained token with read access to the repositories' pull requests, deployments, issues, contents and metadata (or a classic token with `repo`).",
    fields: [
      { key: "repos", label: "Repositories", kind: "list", required: true, help: "owner/repo, each becoming the service of that name.", example: "acme/payments-api" },
      productionEnvironments,
      { key: "releasesAsDeployments", label: "Releases as deployments", kind: "boolean", help: "For a repository with no deployments, count its published releases as production deployments." },
    ],
  },
  gitlab: {
    name: "gitlab",
    label: "GitLab",
    defaultApiUrl: "https://gitlab.com",
    tokenHelp: "A personal, group or project access token with the `read_api` scope.",
    fields: [
      { key: "projects", label: "Projects", kind: "list", required: true, help: "Project paths (group/project), each becoming the service of that name.", example: "acme/payments-api" },
      productionEnvironments,
    ],
  },
  jira: {
    name: "jira",
    label: "Jira",
    defaultApiUrl: "https://your-domain.atlassian.net",
    tokenHelp: "Jira Cloud: an API token of an account that can browse the projects, with its email below. Jira Server / Data Center: a personal access token.",
    fields: [
      { key: "email", label: "Account email (Jira Cloud)", kind: "text", help: "With an API token, Jira Cloud signs in as this account; leave empty for a Server personal access token." },
      { key: "projects", label: "Projects", kind: "list", help: "Project keys to read (or give a JQL query).", example: "PAY" },
      { key: "jql", label: "JQL", kind: "text", help: "Issues to read besides the projects' (or instead of them); its ORDER BY is ignored.", example: "project = OPS AND labels = platform" },
      { key: "projectTeams", label: "Project → team", kind: "mapping", help: "Which team owns each project's issues (team slug), after the team field; others go to the default team, or are skipped.", example: "PAY=payments" },
      { key: "teamField", label: "Team field", kind: "text", help: "A field holding the team (its value matched to a team slug or name), before the project mapping.", example: "customfield_10001" },
      { key: "typeMapping", label: "Issue type → work type", kind: "mapping", help: "feature, defect, risk or debt per issue type; unmapped bugs are defects, the rest features.", example: "Bug=defect,Tech debt=debt" },
    ],
  },
  pagerduty: {
    name: "pagerduty",
    label: "PagerDuty",
    defaultApiUrl: "https://api.pagerduty.com",
    tokenHelp: "A read-only REST API key (General Access, or a user token with read access).",
    fields: [
      { key: "services", label: "PagerDuty service → Pillars service", kind: "mapping", required: true, help: "Each PagerDuty service id and the Pillars service its incidents count against.", example: "PXXXXXX=acme/payments-api" },
    ],
  },
};

/** `releasesAsDeployments` → `releases-as-deployments`. */
export const flagOf = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
