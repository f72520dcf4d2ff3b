import "server-only";

/** (team, service, instant) triples as parallel arrays for `unnest`. */
export function perService(loads: readonly { teamId: string; serviceIds: readonly string[]; at: Date | null }[]) {
  const teams: string[] = [];
  const services: string[] = [];
  const instants: (string | null)[] = [];
  for (const l of loads) {
    for (const id of l.serviceIds) {
      teams.push(l.teamId);
      services.push(id);
      instants.push(l.at ? l.at.toISOString() : null);
    }
  }
  return [teams, services, instants] as const;
}

/** The relation of perService's arrays ($1–$3): s("teamId", "serviceId", "since"). */
export const SERVICES = `unnest($1::text[], $2::text[], $3::timestamptz[]) AS s("teamId", "serviceId", "since")`;
