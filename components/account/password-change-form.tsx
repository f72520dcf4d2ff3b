"use client";

import { useActionState } from "react";
import { changePasswordAction, type PasswordChangeState } from "@/app/(app)/account/actions";
import { PRIMARY_BUTTON, TextField } from "@/components/ui/form";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/password";

/** Current password, the new one twice. Errors are shown beside the field they are about. */
export function PasswordChangeForm() {
  const [state, action, pending] = useActionState<PasswordChangeState, FormData>(changePasswordAction, { error: null, field: null });
  const errorFor = (field: PasswordChangeState["field"]) => (state.field === field ? (state.error ?? undefined) : undefined);
  return (
    <form action={action} aria-label="Change password" className="max-w-sm space-y-4">
      {state.error && state.field === null && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.error}
        </p>
      )}
      <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" required error={errorFor("currentPassword")} />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        hint={`At least ${PASSWORD_MIN_LENGTH} characters; common and published passwords are refused.`}
        error={errorFor("newPassword")}
      />
      <TextField label="New password again" name="confirmPassword" type="password" autoComplete="new-password" required error={errorFor("confirmPassword")} />
      <button type="submit" className={PRIMARY_BUTTON} disabled={pending}>
        {pending ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}
