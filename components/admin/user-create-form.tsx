"use client";

import { useState, type FormEvent } from "react";
import type { CreatedUser } from "@/lib/admin/api-types";
import { DEFAULT_ROLE, ROLES, roleManagesTeams, userCreateInput } from "@/lib/validation/admin";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/password";
import { queryKeys } from "@/lib/client/query-keys";
import { useAdminMutation } from "@/lib/client/use-admin";
import { RequestError, PRIMARY_BUTTON, SECONDARY_BUTTON, SecretOnce, SelectField, TextField } from "@/components/ui/form";
import { ROLE_OPTIONS, TeamPicker } from "./user-fields";

type FieldErrors = Partial<Record<"name" | "email" | "password", string>>;

/** New user: name, email, role, managed teams (managers) and a password — typed, or generated and shown once. */
export function UserCreateForm({ teams, onClose }: { teams: { id: string; name: string }[]; onClose: () => void }) {
  const [role, setRole] = useState<(typeof ROLES)[number]>(DEFAULT_ROLE);
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const [generate, setGenerate] = useState(true);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [created, setCreated] = useState<CreatedUser | null>(null);
  const mutation = useAdminMutation<CreatedUser>([queryKeys.admin.users()]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = userCreateInput.safeParse({
      name: form.get("name"),
      email: form.get("email"),
      role,
      password: generate ? undefined : form.get("password"),
      managedTeamIds: roleManagesTeams(role) ? teamIds : [],
    });
    if (!parsed.success) {
      const next: FieldErrors = {};
      for (const issue of parsed.error.issues) next[issue.path[0] as keyof FieldErrors] ??= issue.message;
      setErrors(next);
      return;
    }
    setErrors({});
    mutation.mutate({ method: "POST", url: "/api/v1/admin/users", body: parsed.data }, { onSuccess: (result) => (result.generatedPassword ? setCreated(result) : onClose()) });
  };

  if (created?.generatedPassword) {
    return <SecretOnce label={`Password for ${created.user.email}`} secret={created.generatedPassword} onDone={onClose} />;
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="new-user-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="new-user-heading" className="text-base font-semibold text-slate-900">
        New user
      </h2>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField label="Name" name="name" autoComplete="off" required error={errors.name} />
        <TextField label="Email" name="email" type="email" autoComplete="off" required error={errors.email} />
        <SelectField label="Role" value={role} onChange={(e) => setRole(e.target.value as typeof role)} options={ROLE_OPTIONS} />
      </div>
      {roleManagesTeams(role) && <TeamPicker teams={teams} selected={teamIds} onChange={setTeamIds} />}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Initial password</legend>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="radio" name="password-mode" checked={generate} onChange={() => setGenerate(true)} /> Generate one (shown once)
        </label>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="radio" name="password-mode" checked={!generate} onChange={() => setGenerate(false)} /> Set it myself
        </label>
        {!generate && (
          <TextField
            label="Password"
            name="password"
            type="password"
            autoComplete="new-password"
            hint={`At least ${PASSWORD_MIN_LENGTH} characters; common and published passwords are refused.`}
            error={errors.password}
            className="max-w-sm"
          />
        )}
      </fieldset>
      <RequestError error={mutation.error} />
      <div className="flex gap-2">
        <button type="submit" className={PRIMARY_BUTTON} disabled={mutation.isPending}>
          {mutation.isPending ? "Creating…" : "Create user"}
        </button>
        <button type="button" className={SECONDARY_BUTTON} onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
