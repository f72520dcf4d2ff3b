"use client";

import { useMutation } from "@tanstack/react-query";
import type { EmailInvitationsResult, GeneratedLinks } from "@/lib/engagement/api-types";
import type { CustomItemInput, Repeat } from "@/lib/validation/surveys";
import { sendJson } from "./api";

/**
 * Writes of the survey pages. Those pages are server-rendered, so instead of refreshing cached queries the
 * caller says what follows (open the new survey or run, refresh the page).
 */
interface Then<T> {
  onSuccess?: (data: T) => unknown;
}

export interface NewSurvey {
  title: string;
  templates: string[];
  items: CustomItemInput[];
}

export function useCreateSurvey({ onSuccess }: Then<{ id: string }> = {}) {
  return useMutation({ mutationFn: (survey: NewSurvey) => sendJson<{ id: string }>("/api/v1/surveys", "POST", survey), onSuccess });
}

export interface NewRun {
  opensOn: string;
  closesOn: string;
  repeat: Repeat;
  teamIds: string[];
  groupIds: string[];
}

export function useOpenRun(surveyId: string, { onSuccess }: Then<{ id: string }> = {}) {
  return useMutation({ mutationFn: (run: NewRun) => sendJson<{ id: string }>(`/api/v1/surveys/${surveyId}/runs`, "POST", run), onSuccess });
}

export type RunAction = "close" | "publish" | "next";

/** Close now (publishing the final snapshot and opening the next run when repeating), publish an interim snapshot, or create the next run. */
export function useRunAction(runId: string, { onSuccess }: Then<{ nextRunId?: string | null; id?: string }> = {}) {
  return useMutation({
    mutationFn: (what: RunAction) => sendJson<{ nextRunId?: string | null; id?: string }>(`/api/v1/surveys/runs/${runId}/${what}`, "POST"),
    onSuccess,
  });
}

export interface LinkSeats {
  teamIds: string[];
  seats: { teamId: string; count: number }[];
}

export function useGenerateLinks(runId: string, { onSuccess }: Then<GeneratedLinks> = {}) {
  return useMutation({ mutationFn: (request: LinkSeats) => sendJson<GeneratedLinks>(`/api/v1/surveys/runs/${runId}/links`, "POST", request), onSuccess });
}

export function useEmailInvitations(runId: string, { onSuccess }: Then<EmailInvitationsResult> = {}) {
  return useMutation({
    mutationFn: (request: { teamId: string; addresses: string[] }) => sendJson<EmailInvitationsResult>(`/api/v1/surveys/runs/${runId}/invitations/email`, "POST", request),
    onSuccess,
  });
}
