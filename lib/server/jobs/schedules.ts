import "server-only";
import { connectorSchedule } from "@/lib/server/services/connectors/schedule";
import type { Schedule } from "./schedule";

/** Every schedule the workers tick (lib/server/jobs/schedule.ts). */
export const SCHEDULES: readonly Schedule[] = [connectorSchedule];
