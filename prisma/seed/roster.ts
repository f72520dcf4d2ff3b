/**
 * Writes the career framework and the simulated roster: people with their current team, level
 * and manager, each employment span (a rehire has two), promotions, and team moves (the reorg's
 * and the occasional transfer; joining a team on hire is not a move).
 */
import "server-only";
import { parseDay } from "@/lib/domain/time";
import type { Db } from "@/lib/server/db";
import { CAREER_LEVELS } from "./career";
import type { DemoRoster } from "./people";

export interface RosterCounts {
  people: number;
  employments: number;
  promotions: number;
  teamMoves: number;
}

export async function createRoster(db: Db, roster: DemoRoster, teamIds: Map<string, string>): Promise<RosterCounts> {
  await db.careerLevel.createMany({ data: CAREER_LEVELS });
  const teamId = (slug: string) => {
    const id = teamIds.get(slug);
    if (!id) throw new Error(`unknown demo team ${slug}`);
    return id;
  };

  const created = await db.person.createManyAndReturn({
    data: roster.people.map((p) => ({
      employeeId: p.employeeId,
      teamId: teamId(p.team),
      level: p.level,
      roleFamily: p.roleFamily,
      location: p.location,
      sourcing: p.sourcing,
      managerEmployeeId: p.managerEmployeeId,
    })),
    select: { id: true, employeeId: true },
  });
  const personId = new Map(created.map((c) => [c.employeeId, c.id]));
  const idOf = (employeeId: string) => personId.get(employeeId) as string;

  const employments = roster.people.flatMap((p) =>
    p.employments.map((e) => ({
      personId: idOf(p.employeeId),
      hireDate: parseDay(e.hireDate),
      exitDate: e.exitDate === null ? null : parseDay(e.exitDate),
      exitType: e.exitType,
      regretted: e.regretted,
      exitReason: e.exitReason,
    })),
  );
  const promotions = roster.people.flatMap((p) =>
    p.promotions.map((x) => ({ personId: idOf(p.employeeId), date: parseDay(x.date), fromLevel: x.fromLevel, toLevel: x.toLevel })),
  );
  const teamMoves = roster.people.flatMap((p) =>
    p.teamHistory.flatMap((a, i) => {
      const from = i === 0 ? null : p.teamHistory[i - 1].teamId;
      if (from === null || from === a.teamId) return [];
      return [{ personId: idOf(p.employeeId), date: parseDay(a.from), fromTeamId: teamId(from), toTeamId: teamId(a.teamId) }];
    }),
  );
  await db.employment.createMany({ data: employments });
  await db.promotion.createMany({ data: promotions });
  await db.teamMove.createMany({ data: teamMoves });
  return { people: created.length, employments: employments.length, promotions: promotions.length, teamMoves: teamMoves.length };
}
