/**
 * A pull connector as an admin or the CLI gives it. Each provider's options are read from its fields
 * (lib/connectors/providers.ts): a list is comma- or line-separated text or an array, a mapping `from=to` pairs
 * or an object, a boolean `true`/`false` or a boolean. Errors name the field (`options.repos`).
 */
import { z } from "zod";
import { PROVIDER_INFO, PROVIDERS, type ConnectorField, type ProviderName } from "@/lib/connectors/providers";

const listValue = z.preprocess(
  (v) => (typeof v === "string" ? v.split(/[,\n]/).map((s) => s.trim()).filter(Boolean) : v),
  z.array(z.string().trim().min(1).max(300)).max(500, "at most 500 values"),
);

const mappingValue = z.preprocess((v) => {
  if (typeof v !== "string") return v;
  const pairs = v.split(/[,\n]/).map((s) => s.trim()).filter(Boolean);
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf("=");
    // An entry without "=" keeps its text as a key with an empty value, which the value check then names.
    out[at < 0 ? pair : pair.slice(0, at).trim()] = at < 0 ? "" : pair.slice(at + 1).trim();
  }
  return out;
}, z.record(z.string().trim().min(1).max(300), z.string().trim().min(1, "needs a value after =").max(300)));

const booleanValue = z.preprocess((v) => (v === "true" ? true : v === "false" || v === "" ? false : v), z.boolean());

function fieldSchema(field: ConnectorField): z.ZodType {
  if (field.kind === "boolean") return booleanValue.optional().default(false);
  const base = field.kind === "list" ? listValue : field.kind === "mapping" ? mappingValue : z.string().trim().max(2000);
  if (!field.required) return base.optional();
  return field.kind === "list"
    ? listValue.refine((v) => (v as string[]).length > 0, "is required")
    : field.kind === "mapping"
      ? mappingValue.refine((v) => Object.keys(v as object).length > 0, "is required")
      : z.string().trim().min(1, "is required").max(2000);
}

function fieldsObject(provider: ProviderName) {
  return z.object(Object.fromEntries(PROVIDER_INFO[provider].fields.map((f) => [f.key, fieldSchema(f)])));
}

const repoName = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
const WORK_TYPES = ["feature", "defect", "risk", "debt"] as const;

export const githubOptions = fieldsObject("github").extend({
  repos: listValue.refine((v) => (v as string[]).length > 0, "is required").refine((v) => (v as string[]).every((r) => repoName.test(r)), "each must be owner/repo"),
}).transform((o) => ({ ...o, repos: o.repos as string[], productionEnvironments: (o.productionEnvironments as string[] | undefined) ?? ["production"], releasesAsDeployments: o.releasesAsDeployments as boolean }));

export const gitlabOptions = fieldsObject("gitlab").transform((o) => ({
  projects: o.projects as string[],
  productionEnvironments: (o.productionEnvironments as string[] | undefined) ?? ["production"],
}));

// Stored options are this schema's output and are parsed again at each sync, so its nulls must read back.
const optionalText = z.string().trim().max(2000).nullish();

export const jiraOptions = fieldsObject("jira")
  .extend({ email: optionalText, jql: optionalText, teamField: optionalText, typeMapping: mappingValue.refine((m) => Object.values(m as Record<string, string>).every((t) => (WORK_TYPES as readonly string[]).includes(t)), `each type maps to ${WORK_TYPES.join(", ")}`).optional() })
  .refine((o) => Boolean(o.jql) || ((o.projects as string[] | undefined)?.length ?? 0) > 0, { message: "give projects or a JQL query", path: ["projects"] })
  .transform((o) => ({
    email: (o.email as string | undefined) || null,
    projects: (o.projects as string[] | undefined) ?? [],
    jql: (o.jql as string | undefined) || null,
    projectTeams: (o.projectTeams as Record<string, string> | undefined) ?? {},
    teamField: (o.teamField as string | undefined) || null,
    typeMapping: (o.typeMapping as Record<string, (typeof WORK_TYPES)[number]> | undefined) ?? {},
  }));

export const pagerdutyOptions = fieldsObject("pagerduty").transform((o) => ({ services: o.services as Record<string, string> }));

export const PROVIDER_OPTIONS = { github: githubOptions, gitlab: gitlabOptions, jira: jiraOptions, pagerduty: pagerdutyOptions } as const;
export type ProviderOptions = { [P in ProviderName]: z.infer<(typeof PROVIDER_OPTIONS)[P]> };

/** The provider's options parsed, or the problems, each naming its field as `options.<key>` (the form and the API alike). */
export function parseProviderOptions(provider: ProviderName, options: unknown): { ok: true; options: object } | { ok: false; issues: { path: string; message: string }[] } {
  const parsed = PROVIDER_OPTIONS[provider].safeParse(options ?? {});
  if (parsed.success) return { ok: true, options: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((i) => ({ path: ["options", ...i.path.map(String)].join("."), message: i.message })) };
}

const common = {
  name: z.string().trim().min(1, "Enter a name").max(100).regex(/^[^\s/][^/]*$/, "must not contain /"),
  apiUrl: z.string().trim().url("must be a URL such as https://api.github.com").max(500).refine((u) => /^https?:\/\//.test(u), "must start with http:// or https://"),
  defaultTeamId: z.string().trim().max(100).nullish().transform((v) => v || null),
  backfillDays: z.coerce.number().int("must be a whole number of days").min(1).max(3650).default(180),
  intervalMinutes: z.coerce.number().int("must be a whole number of minutes").min(5, "at least 5 minutes").max(10_080, "at most a week").default(60),
  enabled: z.boolean().default(true),
};

export const connectorCreateInput = z.object({
  provider: z.enum(PROVIDERS, { message: `must be one of ${PROVIDERS.join(", ")}` }),
  ...common,
  apiUrl: common.apiUrl.optional(),
  token: z.string().trim().min(1, "Enter the token").max(4000),
  options: z.record(z.string(), z.unknown()).default({}),
});

/** Every field optional; an empty token keeps the stored one. */
export const connectorUpdateInput = z.object({
  name: common.name.optional(),
  apiUrl: common.apiUrl.optional(),
  defaultTeamId: common.defaultTeamId.optional(),
  backfillDays: z.coerce.number().int().min(1).max(3650).optional(),
  intervalMinutes: z.coerce.number().int().min(5, "at least 5 minutes").max(10_080, "at most a week").optional(),
  enabled: z.boolean().optional(),
  token: z.string().trim().max(4000).optional().transform((v) => v || undefined),
  options: z.record(z.string(), z.unknown()).optional(),
});

export const connectorSyncInput = z.object({
  since: z.iso.date("must be a date, YYYY-MM-DD").optional(),
});

export type ConnectorCreateInput = z.infer<typeof connectorCreateInput>;
export type ConnectorUpdateInput = z.infer<typeof connectorUpdateInput>;
