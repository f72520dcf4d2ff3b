import "server-only";
import { connectorSchedule } from "@/lib/server/services/connectors/schedule";
import { alertSchedule } from "@/lib/server/services/notifications/alerts";
import { digestSchedule } from "@/lib/server/services/notifications/digest-schedule";
import type { Schedule } from "./schedule";
import { jobUpkeep } from "./upkeep";

/** Every schedule the workers tick (lib/server/jobs/schedule.ts). */
export const SCHEDULES: readonly Schedule[] = [connectorSchedule, digestSchedule, alertSchedule, jobUpkeep];
