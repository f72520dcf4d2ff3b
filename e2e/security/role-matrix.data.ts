/**
 * Who may call each write route handler, written down as data, per role (ADMIN, LEADER, MANAGER, VIEWER):
 *   "allow" — passes the route's permission check (an empty body then fails validation or an unknown id 404s);
 *   "deny"  — refused with 403 before the body is even read;
 *   "team"  — the route admits the role, and the handler or service decides after validation (per team: a
 *             manager may write only the teams they manage, a leader or viewer no team at all). With an
 *             empty body the answer is 400, or 404 for an unknown id; the per-team rule itself is proven by
 *             the forged-team probes in the spec.
 * A write route found in app/ but missing here fails the test until it is added, so coverage cannot rot.
 */
export type Verdict = "allow" | "deny" | "team";
export type Roles = [admin: Verdict, leader: Verdict, manager: Verdict, viewer: Verdict];

export const ROLE_ORDER = ["ADMIN", "LEADER", "MANAGER", "VIEWER"] as const;

const ADMIN_ONLY: Roles = ["allow", "deny", "deny", "deny"];
const LEADERS: Roles = ["allow", "allow", "deny", "deny"];
const TEAM: Roles = ["allow", "team", "team", "team"];
/** Any signed-in role reaches the handler; the object's owner or an admin may act (see FOREIGN_IMPORT below). */
const OWNER: Roles = ["allow", "team", "team", "team"];

export const WRITE_MATRIX: Record<string, Roles> = {
  "POST /api/v1/admin/connectors": ADMIN_ONLY,
  "PATCH /api/v1/admin/connectors/[id]": ADMIN_ONLY,
  "DELETE /api/v1/admin/connectors/[id]": ADMIN_ONLY,
  "POST /api/v1/admin/connectors/[id]/sync": ADMIN_ONLY,
  "PATCH /api/v1/admin/groups/[id]": ADMIN_ONLY,
  "DELETE /api/v1/admin/groups/[id]": ADMIN_ONLY,
  "POST /api/v1/admin/groups": ADMIN_ONLY,
  "PATCH /api/v1/admin/services/[id]": ADMIN_ONLY,
  "POST /api/v1/admin/services": ADMIN_ONLY,
  "DELETE /api/v1/admin/settings/location-costs/[id]": ADMIN_ONLY,
  "PUT /api/v1/admin/settings/location-costs": ADMIN_ONLY,
  "PUT /api/v1/admin/settings": ADMIN_ONLY,
  "PATCH /api/v1/admin/teams/[id]": ADMIN_ONLY,
  "DELETE /api/v1/admin/teams/[id]": ADMIN_ONLY,
  "POST /api/v1/admin/teams": ADMIN_ONLY,
  "DELETE /api/v1/admin/tokens/[id]": ADMIN_ONLY,
  "POST /api/v1/admin/tokens": ADMIN_ONLY,
  "POST /api/v1/admin/users/[id]/password": ADMIN_ONLY,
  "PATCH /api/v1/admin/users/[id]": ADMIN_ONLY,
  "POST /api/v1/admin/users": ADMIN_ONLY,
  "POST /api/v1/ai-usage/copilot": TEAM,
  "POST /api/v1/ai-usage": TEAM,
  "PUT /api/v1/allocation": TEAM,
  "PATCH /api/v1/annotations/[id]": LEADERS,
  "DELETE /api/v1/annotations/[id]": LEADERS,
  "POST /api/v1/annotations": LEADERS,
  "PATCH /api/v1/career-levels/[id]": ADMIN_ONLY,
  "DELETE /api/v1/career-levels/[id]": ADMIN_ONLY,
  "POST /api/v1/career-levels": ADMIN_ONLY,
  "POST /api/v1/deployments": ADMIN_ONLY,
  "POST /api/v1/jobs/[id]/retry": ADMIN_ONLY,
  "PUT /api/v1/experiments/[id]": TEAM,
  "DELETE /api/v1/experiments/[id]": TEAM,
  "POST /api/v1/experiments": TEAM,
  "POST /api/v1/imports/[id]/preview": TEAM,
  "POST /api/v1/imports/[id]/run": TEAM,
  "POST /api/v1/imports/[id]/undo": OWNER,
  "POST /api/v1/imports": TEAM,
  "POST /api/v1/incidents": ADMIN_ONLY,
  "DELETE /api/v1/learning/[id]": TEAM,
  "PUT /api/v1/learning/budgets": TEAM,
  "POST /api/v1/learning": TEAM,
  "PUT /api/v1/metric-values": TEAM,
  "PATCH /api/v1/metrics/[id]": ADMIN_ONLY,
  "DELETE /api/v1/metrics/[id]": ADMIN_ONLY,
  "POST /api/v1/metrics": ADMIN_ONLY,
  "DELETE /api/v1/packs/[id]": LEADERS,
  "PATCH /api/v1/packs/[id]/actions/[actionId]": LEADERS,
  "POST /api/v1/packs/[id]/actions": LEADERS,
  "POST /api/v1/packs": LEADERS,
  "POST /api/v1/people/[employeeId]/events": ADMIN_ONLY,
  "PUT /api/v1/people/[employeeId]": ADMIN_ONLY,
  "POST /api/v1/people/import": ADMIN_ONLY,
  "POST /api/v1/people": ADMIN_ONLY,
  "POST /api/v1/pull-requests": ADMIN_ONLY,
  "PUT /api/v1/skills/[id]": ADMIN_ONLY,
  "DELETE /api/v1/skills/[id]": ADMIN_ONLY,
  "POST /api/v1/skills/proficiency/import": TEAM,
  "PUT /api/v1/skills/proficiency": TEAM,
  "POST /api/v1/skills": ADMIN_ONLY,
  "PUT /api/v1/skills/teams/[teamId]/needs": TEAM,
  "PATCH /api/v1/surveys/comments/[commentId]": ADMIN_ONLY,
  "POST /api/v1/surveys/[id]/runs": LEADERS,
  "POST /api/v1/surveys": LEADERS,
  "POST /api/v1/surveys/runs/[runId]/close": LEADERS,
  "POST /api/v1/surveys/runs/[runId]/invitations/email": ["allow", "allow", "team", "deny"],
  "POST /api/v1/surveys/runs/[runId]/links": ["allow", "allow", "team", "deny"],
  "POST /api/v1/surveys/runs/[runId]/next": LEADERS,
  "POST /api/v1/surveys/runs/[runId]/publish": LEADERS,
  "PATCH /api/v1/targets/[id]": ADMIN_ONLY,
  "DELETE /api/v1/targets/[id]": ADMIN_ONLY,
  "POST /api/v1/targets": ADMIN_ONLY,
  "POST /api/v1/work-items": ADMIN_ONLY,
};

/**
 * Object level: what each role gets for an import an admin uploaded and left staged (not run). Someone else's
 * import answers 404, as a missing one does; null = not probed (the admin's run would apply it). The import must
 * still be staged afterwards.
 */
export type ObjectAnswers = [admin: number | null, leader: number | null, manager: number | null, viewer: number | null];
export const FOREIGN_IMPORT: Record<string, ObjectAnswers> = {
  "GET /api/v1/imports/[id]": [200, 404, 404, 404],
  "GET /api/v1/imports/[id]/rejects": [200, 404, 404, 404],
  "POST /api/v1/imports/[id]/preview": [200, 404, 404, 404],
  "POST /api/v1/imports/[id]/run": [null, 404, 404, 404],
  "POST /api/v1/imports/[id]/undo": [409, 404, 404, 404],
};

/** Write routes that are not for signed-in users at all (their callers are covered by the anonymous crawl). */
export const NOT_SESSION_ROUTES = ["/api/auth/[...nextauth]", "/api/v1/respond/[token]", "/api/webhooks/github", "/api/webhooks/gitlab"];
