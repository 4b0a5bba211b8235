import { apiToken, COMMAND_API, expect, signIn, test, unique } from './fixtures';
import type { APIRequestContext, Page } from '@playwright/test';

/** The number a metric shows ("12.5/s" → 12.5), or null for "—". */
async function rate(page: Page, testId: string): Promise<number | null> {
  const text = (await page.getByTestId(testId).textContent()) ?? '';
  const value = Number.parseFloat(text.replace(/,/g, ''));
  return Number.isNaN(value) ? null : value;
}

async function readings(page: Page): Promise<number> {
  const text = (await page.getByTestId('pipeline-updated').textContent()) ?? '';
  return Number(/reading (\d+)/.exec(text)?.[1] ?? 0);
}

async function createTodo(request: APIRequestContext, token: string, title: string) {
  const response = await request.post(`${COMMAND_API}/api/todos`, {
    headers: { Authorization: `Bearer ${token}` },
    data: { title },
  });
  expect(response.status()).toBe(201);
}

test('the pipeline page shows moving numbers while commands flow, without a reload', async ({ page, request, consoleErrors }) => {
  await signIn(page, 'alice', 'alice-password', '/pipeline');
  await expect(page.getByRole('heading', { name: 'Pipeline', level: 1 })).toBeVisible();
  // the first reading arrives and every part of the pipeline is on the page
  await expect(page.getByTestId('pipeline-updated')).toBeVisible();
  for (const caption of ['Queues', 'Projections (projector)', 'Replicas']) {
    await expect(page.getByRole('table', { name: caption })).toBeVisible();
  }
  await expect(page.getByRole('region', { name: /Outbox/ })).toBeVisible();
  await expect(page.getByRole('region', { name: /Audit/ })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0); // every service answered
  const firstReading = await readings(page);

  // a small load through the API while the page stays open: a create every ~100 ms for at most 30 creates
  const token = await apiToken(request);
  const prefix = unique('pipeline ');
  let sent = 0;
  await expect
    .poll(
      async () => {
        if (sent < 30) {
          await createTodo(request, token, `${prefix} ${sent++}`);
          await createTodo(request, token, `${prefix} ${sent++}`);
        }
        const published = await rate(page, 'outbox-published');
        const applied = await rate(page, 'projection-todo-applied');
        // a later reading too: the earlier tests' commands may already show in the first one
        return (published ?? 0) > 0 && (applied ?? 0) > 0 && (await readings(page)) > firstReading;
      },
      { timeout: 30_000, intervals: [200] },
    )
    .toBe(true);
  // the numbers came from later readings of the same page: it polled, it was not reloaded
  expect(await readings(page)).toBeGreaterThan(firstReading);
  await expect(page.getByTestId('queue-cqrs-projector.fifo')).toHaveText(/^\d[\d,]*$/);

  // phone width: nothing wider than the screen
  await page.setViewportSize({ width: 375, height: 740 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  expect(consoleErrors).toEqual([]);
});
