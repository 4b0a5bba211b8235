import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';

export const ISSUER = process.env.AUTH_ISSUER_URI ?? 'http://127.0.0.1:9000';
export const COMMAND_API = process.env.COMMAND_API_URL ?? 'http://127.0.0.1:8080';

/**
 * Every test fails on a console error or an uncaught exception in the page. A test that provokes an HTTP error on
 * purpose (a 412) lists the statuses Chromium will log for it ("Failed to load resource") in `allowedHttpErrors`.
 */
export const test = base.extend<{ allowedHttpErrors: number[]; consoleErrors: string[] }>({
  allowedHttpErrors: [[], { option: true }],
  consoleErrors: async ({ page, allowedHttpErrors }, use) => {
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      const status = /status of (\d{3})/.exec(m.text());
      // 503 + Retry-After is the query service's answer while a read of one's own write waits: the protocol, not a fault
      if (status && (status[1] === '503' || allowedHttpErrors.includes(Number(status[1])))) return;
      errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
    await use(errors);
    expect(errors, 'console errors in the page').toEqual([]);
  },
});
export { expect };

/** Signs in as a demo user through the real issuer: the app's Sign in button, the issuer's form, back to the app. */
export async function signIn(page: Page, user = 'alice', password = `${user}-password`, path = '/todos') {
  await page.goto(path);
  await page.getByRole('button', { name: 'Sign in' }).first().click();
  await page.waitForURL(/127\.0\.0\.1:9000\/login/);
  await page.getByLabel('Username').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.waitForURL((url) => url.origin === 'http://localhost:5173' && url.pathname === path);
  await expect(page.getByText(`Signed in as ${user}`)).toBeVisible();
}

/** A token of the confidential test client (client credentials): a second writer, outside the page. */
export async function apiToken(request: APIRequestContext): Promise<string> {
  const response = await request.post(`${ISSUER}/oauth2/token`, {
    form: { grant_type: 'client_credentials', scope: 'todos:write employees:write read' },
    headers: { Authorization: `Basic ${btoa('cqrs-tests:cqrs-tests-secret')}` },
  });
  expect(response.status()).toBe(200);
  return (await response.json()).access_token as string;
}

/** Unique per run, within the API's limits (employee codes: 20 characters of [A-Za-z0-9-]). */
export function unique(prefix: string): string {
  return `${prefix}${Date.now().toString(36).toUpperCase()}${Math.floor(Math.random() * 1296).toString(36).toUpperCase()}`;
}
