import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { checkServerActions } from "./action-guards";
import { discoverServerActionFiles } from "./routes";

/**
 * Server actions that are public on purpose, with the reason. Every other exported action in a
 * "use server" module must check the caller.
 */
const PUBLIC_ACTIONS: Record<string, string> = {
  "app/(auth)/sign-in/actions.ts#signInWithPassword": "signing in is how a visitor gets a session (throttled per account and address)",
  "app/(auth)/sign-in/actions.ts#signInWithProvider": "starts single sign-on; only configured providers are accepted",
  "components/shell/sign-out-action.ts#signOutAction": "ends whatever session the caller has; with none it only redirects to sign-in",
  "app/s/[token]/actions.ts#answerSurvey": "the single-use survey link is the credential, checked by the service",
};

describe("server action guard check", () => {
  it("accepts a guard reached directly or through a local helper", () => {
    const source = `"use server";
      async function admin() { const user = await getCurrentUser(); return user; }
      export async function direct() { await requirePageUser("admin"); }
      export async function viaHelper() { if (!(await admin())) return; }
      export const arrow = async () => { assertCan(await getCurrentUser(), "admin"); };
      export async function open() { await doThings(); }`;
    expect(checkServerActions(source)).toEqual([
      { name: "direct", guarded: true },
      { name: "viaHelper", guarded: true },
      { name: "arrow", guarded: true },
      { name: "open", guarded: false },
    ]);
  });

  it("does not loop on recursive helpers", () => {
    expect(checkServerActions(`"use server"; function a() { return b(); } function b() { return a(); } export async function x() { a(); }`)).toEqual([{ name: "x", guarded: false }]);
  });

  it("every server action in the app checks the caller, unless it is public on purpose", () => {
    const files = discoverServerActionFiles();
    expect(files.length).toBeGreaterThan(0);
    const unguarded: string[] = [];
    const seen = new Set<string>();
    for (const file of files) {
      for (const action of checkServerActions(fs.readFileSync(file, "utf8"), file)) {
        const key = `${file}#${action.name}`;
        seen.add(key);
        if (!action.guarded && !PUBLIC_ACTIONS[key]) unguarded.push(key);
      }
    }
    expect(unguarded, "server actions that never call getCurrentUser/requirePageUser/assertCan").toEqual([]);
    // A public exception whose action disappeared must be removed from the list, so it cannot cover a new one.
    expect(Object.keys(PUBLIC_ACTIONS).filter((k) => !seen.has(k))).toEqual([]);
  });
});
