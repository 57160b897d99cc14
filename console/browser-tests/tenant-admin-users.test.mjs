import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { openConsole, signInAs } from './support/browser.mjs';
import { listAudit, signUpTenant } from './support/system.mjs';

test('a tenant admin invites a user and sees the invitation in the audit trail', async (t) => {
  const tenant = await signUpTenant('users');
  const invitee = `invitee-${randomUUID().slice(0, 8)}@console.example.com`;
  const { page, errors } = await openConsole(t);

  await signInAs(page, tenant.admin);
  await page.getByRole('link', { name: 'Users' }).click();
  const invite = page.getByRole('form', { name: 'Invite a user' });
  await invite.getByLabel('Email').fill(invitee);
  await invite.getByLabel('Role').selectOption('members');
  await invite.getByRole('button', { name: 'Invite' }).click();
  await invite.getByRole('status').filter({ hasText: `Invited ${invitee}` }).waitFor();
  await page.locator(`tr[data-user="${invitee}"]`).waitFor();

  await page.getByRole('link', { name: 'Audit trail' }).click();
  const entry = page.locator('tr[data-action="user.invited"]').first();
  await entry.waitFor();
  const invited = (await listAudit(tenant)).items.find((item) => item.action === 'user.invited');
  assert.ok(invited, 'the API lists the invitation too');
  assert.match(await entry.textContent(), new RegExp(invited.target));
  assert.deepEqual(errors, []);
});

test('the last tenant admin cannot be demoted, and the console says why', async (t) => {
  const tenant = await signUpTenant('last-admin');
  const { page, errors } = await openConsole(t, { width: 390, height: 844 });

  await signInAs(page, tenant.admin);
  await page.getByRole('link', { name: 'Users' }).click();
  const row = page.locator(`tr[data-user="${tenant.admin.username}"]`);
  await row.getByLabel(`Role of ${tenant.admin.username}`).selectOption('members');
  const problem = row.getByRole('alert');
  await problem.waitFor();
  assert.match(await problem.textContent(), /409/);
  assert.match(await problem.textContent(), /at least one enabled tenant admin/);
  assert.match(await problem.textContent(), /Correlation id/);
  // The refused change is a 409 the browser logs as a failed request; nothing else may fail.
  assert.deepEqual(errors.filter((error) => !error.includes('409')), []);
});

test("a tenant admin changes a user's role, disables, enables and removes them", async (t) => {
  const tenant = await signUpTenant('user-changes');
  const { page, errors } = await openConsole(t);
  await signInAs(page, tenant.admin);
  await page.getByRole('link', { name: 'Users' }).click();
  const invitee = `colleague-${randomUUID().slice(0, 8)}@console.example.com`;
  const invite = page.getByRole('form', { name: 'Invite a user' });
  await invite.getByLabel('Email').fill(invitee);
  await invite.getByRole('button', { name: 'Invite' }).click();
  const row = page.locator(`tr[data-user="${invitee}"]`);
  await row.waitFor();

  const roleChanged = page.waitForResponse((response) => response.request().method() === 'PATCH');
  await row.getByLabel(`Role of ${invitee}`).selectOption('tenant-admins');
  assert.equal((await roleChanged).status(), 200);
  await row.getByRole('button', { name: 'Disable' }).click();
  await row.locator('.badge', { hasText: 'disabled' }).waitFor();
  await row.getByRole('button', { name: 'Enable' }).click();
  await row.locator('.badge', { hasText: 'enabled' }).waitFor();
  assert.equal(await row.getByLabel(`Role of ${invitee}`).inputValue(), 'tenant-admins');

  await row.getByRole('button', { name: 'Remove' }).click();
  await page.getByRole('dialog', { name: `Remove ${invitee}?` }).getByRole('button', { name: 'Remove' }).click();
  await row.waitFor({ state: 'detached' });
  const actions = (await listAudit(tenant)).items.map((entry) => entry.action);
  assert.deepEqual(actions.slice(0, 5), ['user.deleted', 'user.enabled', 'user.disabled', 'user.role_changed', 'user.invited']);
  assert.deepEqual(errors, []);
});
