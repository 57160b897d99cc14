import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openConsole, signInAs } from './support/browser.mjs';
import { getTenant, platformAdmin, signUpTenant } from './support/system.mjs';

test('a platform admin finds a tenant by name, changes its tier and rebuilds its analytics', async (t) => {
  const tenant = await signUpTenant('tiers');
  const { page, errors } = await openConsole(t);

  await signInAs(page, platformAdmin());
  await page.getByRole('heading', { name: 'Tenants' }).waitFor();
  const row = page.locator(`tr[data-tenant="${tenant.id}"]`);
  await loadUntilVisible(page, row);
  await page.getByLabel(/Search by name/).fill(tenant.name);
  assert.equal(await page.locator('tr[data-tenant]').count(), 1);

  await row.getByLabel(`Tier of ${tenant.name}`).selectOption('standard');
  await row.getByRole('button', { name: 'Change tier' }).click();
  await row.getByRole('status').filter({ hasText: 'Tier is now standard.' }).waitFor();

  assert.equal((await getTenant(tenant.id)).tier, 'standard');

  await row.getByRole('button', { name: 'Rebuild analytics' }).click();
  await row.getByRole('status').filter({ hasText: /^(Already matched|Repaired): \d+ aggregates, \d+ items written\.$/ }).waitFor();
  assert.deepEqual(errors, []);
});

test('a platform admin suspends a tenant only after confirming, and reactivates it', async (t) => {
  const tenant = await signUpTenant('suspension');
  const { page, errors } = await openConsole(t);
  await signInAs(page, platformAdmin());
  const row = page.locator(`tr[data-tenant="${tenant.id}"]`);
  await loadUntilVisible(page, row);

  await row.getByRole('button', { name: 'Suspend' }).click();
  const dialog = page.getByRole('dialog', { name: `Suspend ${tenant.name}?` });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  assert.equal((await getTenant(tenant.id)).status, 'active');

  await row.getByRole('button', { name: 'Suspend' }).click();
  await dialog.getByRole('button', { name: 'Suspend' }).click();
  await row.getByRole('status').filter({ hasText: 'Tenant is now suspended.' }).waitFor();
  assert.equal((await getTenant(tenant.id)).status, 'suspended');

  await row.getByRole('button', { name: 'Reactivate' }).click();
  await page.getByRole('dialog', { name: `Reactivate ${tenant.name}?` }).getByRole('button', { name: 'Reactivate' }).click();
  await row.getByRole('status').filter({ hasText: 'Tenant is now active.' }).waitFor();
  assert.equal((await getTenant(tenant.id)).status, 'active');
  assert.deepEqual(errors, []);
});

/** The tenant list is paginated: new tenants are on later pages once there are many. */
async function loadUntilVisible(page, row) {
  const more = page.getByRole('button', { name: 'Load more tenants' });
  const rows = page.locator('tr[data-tenant]');
  await rows.first().waitFor();
  while (!(await row.isVisible())) {
    const loaded = await rows.count();
    await more.click();
    await page.waitForFunction((before) => document.querySelectorAll('tr[data-tenant]').length > before, loaded);
  }
}
