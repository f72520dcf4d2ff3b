"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";

/**
 * A modal dialog on the native `<dialog>` (focus moves in and is trapped, Escape closes, the page behind is inert).
 * `role="alertdialog"` for confirmations that interrupt.
 */
export function Dialog({ open, onClose, title, children, actions, role = "dialog", className }: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
  role?: "dialog" | "alertdialog";
  className?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      role={role === "alertdialog" ? "alertdialog" : undefined}
      aria-labelledby={titleId}
      aria-modal="true"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      className={className ?? "m-auto max-w-lg rounded-lg border border-slate-200 bg-white p-5 text-sm text-slate-800 shadow-lg backdrop:bg-slate-900/40"}
    >
      {open && (
        <>
          <h2 id={titleId} className="text-base font-semibold text-slate-900">{title}</h2>
          {children && <div className="mt-2 space-y-2">{children}</div>}
          {actions && <div className="mt-4 flex flex-wrap justify-end gap-2">{actions}</div>}
        </>
      )}
    </dialog>
  );
}

/** A yes/no question before something that cannot be undone; the confirm button names the action. */
export function ConfirmDialog({ open, title, children, confirmLabel, cancelLabel = "Cancel", onConfirm, onCancel, tone = "danger" }: {
  open: boolean;
  title: ReactNode;
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  onConfirm: () => void;
  onCancel: () => void;
  tone?: "danger" | "warning" | "primary";
}) {
  const confirmClass = { danger: "bg-red-700 hover:bg-red-800", warning: "bg-amber-700 hover:bg-amber-800", primary: "bg-blue-700 hover:bg-blue-800" }[tone];
  return (
    <Dialog
      open={open}
      onClose={onCancel}
      title={title}
      role="alertdialog"
      actions={
        <>
          <button type="button" onClick={onCancel} className="rounded-md border border-slate-300 px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-50">
            {cancelLabel}
          </button>
          <button type="button" onClick={onConfirm} className={`rounded-md px-3 py-1.5 font-medium text-white ${confirmClass}`}>
            {confirmLabel}
          </button>
        </>
      }
    >
      {children}
    </Dialog>
  );
}
