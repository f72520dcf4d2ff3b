"use client";

import { useState, type FormEvent } from "react";
import { DANGER_BUTTON, RequestError, LoadState, PRIMARY_BUTTON, SelectField, TextField } from "@/components/ui/form";
import { formatDate, formatHours, formatMoney } from "@/lib/format";
import { queryKeys } from "@/lib/client/query-keys";
import { useJsonMutation, useLearningRecords } from "@/lib/client/use-skills";
import { LEARNING_CATEGORIES, type LearningBudgetInput, type LearningInput } from "@/lib/validation/skills";
import { Table } from "@/components/ui/table";

/** A team's learning records and, for its managers and admins, forms to add records and set the year's budget. */
export function LearningRecords({ teamId, teamSlug, canWrite, currency }: { teamId: string; teamSlug: string; canWrite: boolean; currency: string }) {
  const records = useLearningRecords(teamId);
  const remove = useJsonMutation("DELETE", [queryKeys.skills.learning()]);
  return (
    <div className="space-y-4">
      {canWrite && <RecordForm teamSlug={teamSlug} />}
      {canWrite && <BudgetForm teamId={teamId} currency={currency} />}
      <LoadState isLoading={records.isPending} error={records.error} what="learning records" />
      <RequestError error={remove.error} />
      {records.data?.length === 0 && <p className="text-sm text-slate-600">No learning recorded for this team yet.</p>}
      {records.data && records.data.length > 0 && (
        <Table
          className="min-w-full text-sm"
          aria-label="Learning records"
          headClassName="text-left text-xs text-slate-500"
          thClassName="py-1 pr-3"
          rowClassName="border-t border-slate-100"
          rows={records.data.slice(0, 50)}
          rowKey={(r) => r.id}
          columns={[
            { key: "date", header: "Date", className: "py-1 pr-3 whitespace-nowrap", cell: (r) => formatDate(r.date) },
            { key: "who", header: "Who", className: "py-1 pr-3", cell: (r) => r.employeeId ?? "Team" },
            { key: "category", header: "Category", className: "py-1 pr-3", cell: (r) => r.category },
            { key: "title", header: "Title", className: "py-1 pr-3", cell: (r) => r.title ?? "—" },
            { key: "hours", header: "Hours", className: "py-1 pr-3 tabular-nums", cell: (r) => formatHours(r.hours) },
            { key: "spend", header: "Spend", className: "py-1 pr-3 tabular-nums", cell: (r) => formatMoney(r.spend, currency) },
            {
              key: "actions",
              header: <span className="sr-only">Actions</span>,
              className: "py-1",
              cell: (r) =>
                r.canDelete && (
                  <button type="button" className={DANGER_BUTTON} aria-label={`Delete the record of ${r.date}`} onClick={() => remove.mutate({ url: `/api/v1/learning/${r.id}` })}>
                    Delete
                  </button>
                ),
            },
          ]}
        />
      )}
    </div>
  );
}

function RecordForm({ teamSlug }: { teamSlug: string }) {
  const [employeeId, setEmployeeId] = useState("");
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [hours, setHours] = useState("");
  const [spend, setSpend] = useState("");
  const [category, setCategory] = useState<LearningInput["category"]>("course");
  const [title, setTitle] = useState("");
  const add = useJsonMutation<Partial<LearningInput>>("POST", [queryKeys.skills.all()]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(
      { url: "/api/v1/learning", body: { team: teamSlug, employeeId: employeeId || undefined, date, hours: Number(hours || 0), spend: Number(spend || 0), category, title: title || undefined } },
      { onSuccess: () => { setHours(""); setSpend(""); setTitle(""); } },
    );
  };
  return (
    <form aria-label="Record learning" onSubmit={submit} className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-6">
      <TextField label="Date" type="date" value={date} onChange={(e) => setDate(e.target.value)} required />
      <TextField label="Employee id (optional)" value={employeeId} onChange={(e) => setEmployeeId(e.target.value)} />
      <SelectField label="Category" value={category} onChange={(e) => setCategory(e.target.value as LearningInput["category"])} options={LEARNING_CATEGORIES.map((c) => ({ value: c, label: c }))} />
      <TextField label="Hours" type="number" min={0} step="0.5" value={hours} onChange={(e) => setHours(e.target.value)} />
      <TextField label="Spend" type="number" min={0} step="1" value={spend} onChange={(e) => setSpend(e.target.value)} />
      <TextField label="Title" value={title} onChange={(e) => setTitle(e.target.value)} />
      <div className="sm:col-span-6">
        <RequestError error={add.error} />
        <button type="submit" className={`${PRIMARY_BUTTON} mt-2`} disabled={add.isPending}>Add record</button>
      </div>
    </form>
  );
}

function BudgetForm({ teamId, currency }: { teamId: string; currency: string }) {
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [amount, setAmount] = useState("");
  const save = useJsonMutation<LearningBudgetInput>("PUT", [queryKeys.skills.learning()]);
  return (
    <form
      aria-label="Learning budget"
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ url: "/api/v1/learning/budgets", body: { teamId, year: Number(year), amount: Number(amount) } });
      }}
    >
      <TextField label="Budget year" type="number" value={year} onChange={(e) => setYear(e.target.value)} required />
      <TextField label={`Budget (${currency})`} type="number" min={0} value={amount} onChange={(e) => setAmount(e.target.value)} required />
      <button type="submit" className={PRIMARY_BUTTON} disabled={save.isPending}>Set budget</button>
      <RequestError error={save.error} />
      {save.isSuccess && <p role="status" className="text-sm text-green-700">Budget saved.</p>}
    </form>
  );
}
