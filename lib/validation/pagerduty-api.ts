/**
 * The parts of PagerDuty's REST API responses the connector reads (developer.pagerduty.com/api-reference,
 * "List incidents", API version 2). Loose objects: PagerDuty adds fields freely.
 */
import { z } from "zod";

export const pagerdutyIncident = z.looseObject({
  id: z.string().min(1),
  title: z.string().nullish(),
  status: z.string(),
  urgency: z.string().nullish(),
  created_at: z.string(),
  updated_at: z.string().nullish(),
  last_status_change_at: z.string().nullish(),
  /** In responses since 2023; older accounts' answers lack it. */
  resolved_at: z.string().nullish(),
  service: z.looseObject({ id: z.string() }),
  priority: z.looseObject({ summary: z.string().nullish(), name: z.string().nullish() }).nullish(),
});

export const pagerdutyIncidentPage = z.looseObject({
  incidents: z.array(pagerdutyIncident),
  more: z.boolean().nullish(),
  offset: z.number().nullish(),
  limit: z.number().nullish(),
});

export type PagerdutyIncident = z.infer<typeof pagerdutyIncident>;
