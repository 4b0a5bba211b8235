import { expect, signIn, test, unique } from './fixtures';

// The README's screenshots, taken by the real Chromium against the running system: bin/frontend screenshots.
const DOCS = '../docs';

test('todos page', async ({ page }) => {
  await page.setViewportSize({ width: 1100, height: 800 });
  await signIn(page);
  const run = unique('');
  for (const title of [`Buy milk ${run}`, `Book the dentist ${run}`, `Water the plants ${run}`]) {
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page.getByLabel('Description (optional)').fill(`made for the README at ${new Date().toISOString()}`);
    await page.getByRole('button', { name: 'Add todo' }).click();
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
  }
  const first = page.locator('li.todo').filter({ has: page.getByRole('heading', { name: `Water the plants ${run}` }) });
  await first.getByRole('button', { name: 'Complete' }).click();
  await expect(first.getByText('Completed', { exact: true })).toBeVisible();
  await expect(page.getByText('Loading todos…')).toHaveCount(0);
  await page.screenshot({ path: `${DOCS}/frontend-todos.png` });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${DOCS}/frontend-todos-phone.png` });
});

test('employees page', async ({ page }) => {
  await page.setViewportSize({ width: 1100, height: 900 });
  await signIn(page, 'bob', 'bob-password', '/employees');
  const run = unique('');
  const boss = `CTO${run}`.slice(0, 20);
  const rows = [
    `${boss},Grace Hopper,grace@example.com,CTO,,2026-01-05`,
    `A${run},Alan Turing,alan@example.com,Engineer,${boss},2026-01-12`,
    `K${run},Katherine Johnson,katherine@example.com,Engineer,${boss},2026-02-02`,
  ];
  await page.getByLabel(/CSV rows/).fill(rows.join('\n'));
  await page.getByRole('button', { name: 'Hire all' }).click();
  await expect(page.getByText(/^Hired 3:/)).toBeVisible();
  await page.getByLabel('Employee code').fill(boss);
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(page.getByRole('list', { name: `Reportees of ${boss}` }).getByRole('listitem')).toHaveCount(2);
  await page.getByRole('region', { name: 'Org chart' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${DOCS}/frontend-employees.png`, fullPage: true });
});

test('pipeline page', async ({ page }) => {
  await page.setViewportSize({ width: 1100, height: 800 });
  await signIn(page, 'alice', 'alice-password', '/pipeline');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // the live page settles on its first numbers; the placeholder has none to wait for
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${DOCS}/frontend-pipeline.png` });
});
