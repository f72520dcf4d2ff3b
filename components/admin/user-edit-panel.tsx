"use client";

import { useState, type FormEvent } from "react";
import type { AdminUserRow } from "@/lib/admin/api-types";
import { ROLES, roleManagesTeams } from "@/lib/validation/admin";
import { password as passwordSchema } from "@/lib/validation/password";
import { queryKeys } from "@/lib/client/query-keys";
import { useAdminMutation } from "@/lib/client/use-admin";
import { DANGER_BUTTON, RequestError, PRIMARY_BUTTON, SECONDARY_BUTTON, SecretOnce, SelectField, TextField } from "@/components/ui/form";
import { ROLE_OPTIONS, TeamPicker } from "./user-fields";

/** Edit one user: name, role, managed teams, active flag, and a password reset. */
export function UserEditPanel({ user, teams, isSelf, onClose }: { user: AdminUserRow; teams: { id: string; name: string }[]; isSelf: boolean; onClose: () => void }) {
  const [name, setName] = useState(user.name);
  const [role, setRole] = useState<(typeof ROLES)[number]>(user.role);
  const [teamIds, setTeamIds] = useState(user.managedTeams.map((t) => t.id));
  const save = useAdminMutation([queryKeys.admin.users()]);
  const activation = useAdminMutation([queryKeys.admin.users()]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { method: "PATCH", url: `/api/v1/admin/users/${user.id}`, body: { name, role, managedTeamIds: roleManagesTeams(role) ? teamIds : [] } },
      { onSuccess: onClose },
    );
  };

  return (
    <section aria-labelledby={`edit-${user.id}`} className="space-y-4 rounded-lg border border-blue-200 bg-white p-4">
      <h2 id={`edit-${user.id}`} className="text-base font-semibold text-slate-900">
        Edit {user.email}
      </h2>
      <form onSubmit={submit} className="space-y-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} required />
          <SelectField
            label="Role"
            value={role}
            onChange={(e) => setRole(e.target.value as typeof role)}
            options={ROLE_OPTIONS}
            hint={isSelf ? "This is you. The last active admin cannot change their own role." : undefined}
          />
        </div>
        {roleManagesTeams(role) && <TeamPicker teams={teams} selected={teamIds} onChange={setTeamIds} />}
        <RequestError error={save.error} />
        <div className="flex flex-wrap gap-2">
          <button type="submit" className={PRIMARY_BUTTON} disabled={save.isPending}>
            {save.isPending ? "Saving…" : "Save changes"}
          </button>
          <button type="button" className={SECONDARY_BUTTON} onClick={onClose}>
            Close
          </button>
          <button
            type="button"
            className={user.active ? DANGER_BUTTON : SECONDARY_BUTTON}
            disabled={activation.isPending}
            onClick={() => activation.mutate({ method: "PATCH", url: `/api/v1/admin/users/${user.id}`, body: { active: !user.active } })}
          >
            {user.active ? "Deactivate user" : "Reactivate user"}
          </button>
        </div>
        <RequestError error={activation.error} />
      </form>
      <PasswordReset userId={user.id} email={user.email} />
    </section>
  );
}

function PasswordReset({ userId, email }: { userId: string; email: string }) {
  const [value, setValue] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [generated, setGenerated] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const reset = useAdminMutation<{ generatedPassword: string | null }>([]);

  const run = (password: string | undefined) => {
    if (password !== undefined) {
      const parsed = passwordSchema.safeParse(password);
      if (!parsed.success) return setProblem(parsed.error.issues[0]?.message ?? "Invalid password.");
    }
    setProblem(null);
    setDone(false);
    reset.mutate(
      { method: "POST", url: `/api/v1/admin/users/${userId}/password`, body: password === undefined ? {} : { password } },
      { onSuccess: (r) => (r.generatedPassword ? setGenerated(r.generatedPassword) : (setDone(true), setValue(""))) },
    );
  };

  if (generated) return <SecretOnce label={`New password for ${email}`} secret={generated} onDone={() => setGenerated(null)} />;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        run(value);
      }}
      className="space-y-2 border-t border-slate-200 pt-4"
      aria-label="Reset password"
    >
      <h3 className="text-sm font-semibold text-slate-900">Reset password</h3>
      <div className="flex flex-wrap items-end gap-2">
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          error={problem ?? undefined}
          className="w-72"
        />
        <button type="submit" className={SECONDARY_BUTTON} disabled={reset.isPending || !value}>
          Set password
        </button>
        <button type="button" className={SECONDARY_BUTTON} disabled={reset.isPending} onClick={() => run(undefined)}>
          Generate a new password
        </button>
      </div>
      <RequestError error={reset.error} />
      {done && (
        <p role="status" className="text-sm text-green-800">
          Password changed. The account&apos;s open sessions were signed out and its sign-in throttling was cleared.
        </p>
      )}
    </form>
  );
}
