import type { ReactNode } from "react";

const VARIANT = {
  /** A line of red text under a control or a list. */
  text: "text-sm text-red-700",
  /** A bordered red box for a failed save or load. */
  box: "rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800",
  /** A borderless red panel (the import steps). */
  panel: "rounded-md bg-red-50 p-3 text-sm text-red-800",
} as const;

/** The message of an error, announced at once (`role="alert"`). Renders nothing without a message. */
export function ErrorAlert({ children, variant = "text", className, id, ...data }: {
  children: ReactNode;
  variant?: keyof typeof VARIANT;
  /** Replaces the variant's classes. */
  className?: string;
  id?: string;
} & { [key: `data-${string}`]: string | undefined }) {
  if (children === null || children === undefined || children === false || children === "") return null;
  return (
    <p role="alert" id={id} className={className ?? VARIANT[variant]} {...data}>
      {children}
    </p>
  );
}

/** The words of a thrown value, or `fallback` when it carries none. */
export function errorMessage(error: unknown, fallback: string): string {
  return error instanceof Error && error.message ? error.message : fallback;
}
