import { expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../prisma/seed/accounts";

export type DemoRole = "ADMIN" | "LEADER" | "MANAGER" | "VIEWER";

export function demoAccount(role: DemoRole) {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role);
  if (!account) throw new Error(`No demo account for ${role}`);
  return account;
}

/** Signs in through the real form and waits for the overview. */
export async function signIn(page: Page, role: DemoRole): Promise<void> {
  const account = demoAccount(role);
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: /^sign in$/i }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

export interface AdminApi {
  api: APIRequestContext;
  /** Sent as Origin on writes (the API refuses cross-site writes). */
  origin: string;
  close: () => Promise<void>;
}

/** An admin signed in through the form in a context of its own, for setting up users over the API. */
export async function adminApi(browser: Browser, baseURL: string | undefined): Promise<AdminApi> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, "ADMIN");
  return { api: context.request, origin: new URL(page.url()).origin, close: () => context.close() };
}

/** Creates a user (a generated password when none is given) and returns its id. */
export async function createUser(admin: AdminApi, user: { email: string; name?: string; role?: DemoRole; password?: string }): Promise<string> {
  const response = await admin.api.post("/api/v1/admin/users", {
    headers: { origin: admin.origin },
    data: { name: user.name ?? "Test Person", email: user.email, role: user.role ?? "VIEWER", ...(user.password ? { password: user.password } : {}) },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { user: { id: string } }).user.id;
}
