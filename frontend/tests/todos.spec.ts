import { apiToken, COMMAND_API, expect, signIn, test, unique } from './fixtures';
import type { Page } from '@playwright/test';

/** The todo whose title is (or, with exact false, contains) `title`. */
function todoItem(page: Page, title: string, exact = true) {
  return page.locator('li.todo').filter({ has: page.getByRole('heading', { name: title, exact }) });
}

async function createTodo(page: Page, title: string, exact = true) {
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Description (optional)').fill('made by the browser test');
  // a double click is one intent: one Idempotency-Key, one todo (checked by the title search below)
  await page.getByRole('button', { name: 'Add todo' }).dblclick();
  const item = todoItem(page, title, exact);
  // shown at once: the page read its own write with the command's consistency token, no reload
  await expect(item).toBeVisible();
  await expect(item.getByText('Open', { exact: true })).toBeVisible();
  return item;
}

test('a new todo shows at once, completes, and both events are in its audit timeline', async ({ page, consoleErrors }) => {
  await signIn(page);
  const title = unique('Buy milk ');
  const item = await createTodo(page, title);
  await expect(item.getByText('version 1')).toBeVisible();

  await item.getByRole('button', { name: 'Complete' }).click();
  await expect(item.getByText('Completed', { exact: true })).toBeVisible();
  await expect(item.getByText('version 2')).toBeVisible();
  await expect(item.getByRole('button', { name: 'Reopen' })).toBeVisible();

  // the title search finds it after a reload of the list from the replica
  await page.getByLabel('Title contains').fill(title);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(todoItem(page, title)).toHaveCount(1);

  await todoItem(page, title).getByRole('link', { name: 'History' }).click();
  await expect(page).toHaveURL(/\/audit\?entityType=todo&entityId=/);
  const timeline = page.getByRole('list', { name: /Timeline of todo/ });
  // the audit worker writes asynchronously: refresh until both records are there, within expect's deadline
  await expect(async () => {
    await page.getByRole('region', { name: "An entity's timeline" }).getByRole('button', { name: 'Refresh' }).click();
    await expect(timeline.getByRole('listitem')).toHaveCount(2, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(timeline.getByText('TodoCompleted')).toBeVisible();
  await expect(timeline.getByText('TodoCreated')).toBeVisible();
  // newest first
  await expect(timeline.getByRole('listitem').first()).toContainText('TodoCompleted');

  // the time-range view (the last hour by default) lists records of every entity, these two among them
  const range = page.getByRole('region', { name: 'Everything in a time range' });
  await range.getByRole('button', { name: 'Show records' }).click();
  await expect(range.getByRole('list', { name: 'Records in the range' }).getByRole('listitem').first()).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test.describe('a stale edit', () => {
  test.use({ allowedHttpErrors: [412] });

  test('shows the conflict in place and can reload and save again', async ({ page, request }) => {
    await signIn(page);
    const title = unique('Shared ');
    // matched by the start of its title, which both writers below extend
    const item = await createTodo(page, title, false);
    const id = new URL(await item.getByRole('link', { name: 'History' }).getAttribute('href') ?? '', 'http://x')
      .searchParams.get('entityId');
    expect(id).toBeTruthy();

    // someone else edits it through the API while the page still shows version 1
    const token = await apiToken(request);
    const other = await request.put(`${COMMAND_API}/api/todos/${id}`, {
      headers: { Authorization: `Bearer ${token}`, 'If-Match': '"1"', 'Idempotency-Key': crypto.randomUUID() },
      data: { title: `${title} (theirs)`, description: 'changed elsewhere' },
    });
    expect(other.status()).toBe(200);

    await item.getByRole('button', { name: 'Edit' }).click();
    await item.getByLabel('Title').fill(`${title} (mine)`);
    await item.getByRole('button', { name: 'Save' }).click();
    const alert = item.getByRole('alert');
    await expect(alert).toContainText('changed by someone else');
    // nothing was applied: the page still shows version 1 and the edit form keeps the draft
    await expect(item.getByLabel('Title')).toHaveValue(`${title} (mine)`);

    await alert.getByRole('button', { name: 'Reload this todo' }).click();
    await expect(item.getByText('version 2')).toBeVisible();
    await expect(item.getByRole('alert')).toHaveCount(0);
    await expect(item.getByText('Your draft is kept')).toBeVisible();

    await item.getByRole('button', { name: 'Save' }).click();
    const mine = todoItem(page, `${title} (mine)`);
    await expect(mine.getByText('version 3')).toBeVisible();

    // deleting it (as of version 3) removes it from the list at once
    await mine.getByRole('button', { name: 'Delete' }).click();
    await expect(mine).toHaveCount(0);
  });
});
