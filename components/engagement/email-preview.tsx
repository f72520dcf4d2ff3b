import { composeInvitationEmail, type InvitationEmailInput } from "@/lib/engagement/invitation-email";

/** The message each address will receive, with its personal link shown as a placeholder. */
export function EmailPreview(props: Omit<InvitationEmailInput, "url">) {
  const { subject, text } = composeInvitationEmail({ ...props, url: "[a personal single-use link]" });
  return (
    <figure aria-label="Email preview" className="space-y-1 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
      <figcaption className="font-medium text-slate-800">
        Subject: <span className="font-normal">{subject}</span>
      </figcaption>
      <pre className="whitespace-pre-wrap font-sans text-slate-700">{text}</pre>
    </figure>
  );
}
