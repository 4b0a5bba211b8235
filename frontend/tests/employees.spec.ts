import { expect, signIn, test, unique } from './fixtures';
import type { Page } from '@playwright/test';

async function hire(page: Page, code: string, name: string, managerCode = '') {
  const form = page.getByRole('form', { name: 'Hire an employee' });
  await form.getByLabel('Code', { exact: true }).fill(code);
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel('Email', { exact: true }).fill(`${code.toLowerCase()}@example.com`);
  await form.getByLabel(/Manager code/).fill(managerCode);
  await form.getByRole('button', { name: 'Hire' }).click();
  await expect(form.getByRole('status')).toHaveText(`Hired ${name} (${code}).`);
}

function reporteesOf(page: Page, code: string) {
  return page.getByRole('list', { name: `Reportees of ${code}` });
}

test('hire a manager and two reportees, see the chart, move one and see it change', async ({ page, consoleErrors }) => {
  await signIn(page, 'bob', 'bob-password', '/employees');
  const run = unique('');
  const [boss, other, ann, ben] = ['M', 'N', 'A', 'B'].map((p) => `${p}${run}`.slice(0, 20));
  await hire(page, boss, 'Mia Boss');
  await hire(page, other, 'Nia Other');
  await hire(page, ann, 'Ann Report', boss);
  await hire(page, ben, 'Ben Report', boss);

  const chart = page.getByRole('region', { name: 'Org chart' });
  await chart.getByLabel('Employee code').fill(boss);
  await chart.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(chart.getByRole('article', { name: `Employee ${boss}` })).toContainText('Top of the hierarchy');
  const list = reporteesOf(page, boss);
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list).toContainText(ann);
  await expect(list).toContainText(ben);

  // move Ben under Nia from the chart's row
  await list.getByRole('button', { name: `Move ${ben}` }).click();
  const move = chart.getByRole('form', { name: `Change the manager of ${ben}` });
  await move.getByLabel(`New manager code for ${ben}`).fill(other);
  await move.getByRole('button', { name: 'Change manager' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText(ann);
  await expect(list).not.toContainText(ben);

  // Ben's own card: the management chain names the new manager
  await chart.getByLabel('Employee code').fill(ben);
  await chart.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(chart.getByRole('navigation', { name: 'Management chain' })).toContainText(`Nia Other (${other})`);
  expect(consoleErrors).toEqual([]);
});

test.describe('a batch with a bad row', () => {
  test.use({ allowedHttpErrors: [400, 409] });

  test('hires no one and names the failing row', async ({ page }) => {
    await signIn(page, 'alice', 'alice-password', '/employees');
    const run = unique('');
    const [lead, dev, nobody] = ['L', 'D', 'X'].map((p) => `${p}${run}`.slice(0, 20));
    const form = page.getByRole('form', { name: 'Hire a batch' });
    await form.getByLabel(/CSV rows/).fill(
      [
        'code,name,email,jobTitle,managerCode,hireDate',
        `${lead},Lee Lead,lee@example.com,Lead,,2026-01-15`,
        `${dev},Dee Dev,dee@example.com,,${nobody},2026-01-15`,
      ].join('\n'),
    );
    await form.getByRole('button', { name: 'Hire all' }).click();
    await expect(form.getByRole('alert')).toContainText(`Row 2 (${dev}) was refused; no one was hired.`);

    // all or nothing: the first row was not hired either
    const chart = page.getByRole('region', { name: 'Org chart' });
    await chart.getByLabel('Employee code').fill(lead);
    await chart.getByRole('button', { name: 'Show', exact: true }).click();
    await expect(chart.getByRole('alert')).toContainText('Not Found');
  });
});
