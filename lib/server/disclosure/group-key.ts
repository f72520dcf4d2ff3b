import "server-only";

/**
 * Keys of groups of teams, each made once per array: a view asks about the same group (the same array) for every
 * point and week it shows, and a group's key can hold every team id of the organisation.
 */
export function groupKeys(): (teamIds: readonly string[]) => string {
  const keys = new WeakMap<readonly string[], string>();
  return (teamIds) => {
    let key = keys.get(teamIds);
    if (key === undefined) keys.set(teamIds, (key = teamIds.join("\u0000")));
    return key;
  };
}
