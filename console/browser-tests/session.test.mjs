import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openConsole, signInAs } from './support/browser.mjs';
import { API, invite, signUpTenant } from './support/system.mjs';

test('the console refreshes the ID token a minute before it expires', async (t) => {
  const tenant = await signUpTenant('refresh');
  const { page, errors } = await openConsole(t, { clock: true });
  await signInAs(page, tenant.admin);
  await page.getByRole('heading', { name: 'Analytics' }).waitFor();

  const refreshed = page.waitForResponse((response) => response.url() === `${API}/auth/refresh`);
  // The demo pool's ID tokens live an hour: 59 minutes on, the refresh is due.
  await page.clock.fastForward('59:05');
  assert.equal((await refreshed).status(), 200);

  await page.getByRole('link', { name: 'Users' }).click();
  await page.locator(`tr[data-user="${tenant.admin.username}"]`).waitFor();
  assert.deepEqual(errors, []);
});

test('after a sign-out everywhere, from another device, the console returns to the sign-in form', async (t) => {
  const tenant = await signUpTenant('signed-out');
  const { page } = await openConsole(t);
  await signInAs(page, tenant.admin);
  await page.getByRole('heading', { name: 'Analytics' }).waitFor();

  const signOut = await fetch(`${API}/auth/sign-out`, { method: 'POST', headers: { authorization: `Bearer ${tenant.adminToken}` } });
  assert.equal(signOut.status, 204);
  // The open WebSocket is closed (4401), the refresh token is revoked, and any call gets 401.
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Sign out' }).count(), 0);
});

test("an invited user's first sign-in asks for a new password, and a member is told the console is for admins", async (t) => {
  const tenant = await signUpTenant('first-sign-in');
  const member = await invite(tenant, 'members');
  const { page, errors } = await openConsole(t, { width: 390, height: 844 });

  await page.getByLabel('Email', { exact: true }).fill(member.username);
  await page.getByLabel('Password', { exact: true }).fill(member.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const challenge = page.getByRole('form', { name: 'Choose a new password' });
  await challenge.getByLabel('New password').fill('Chosen-Passw0rd-Long');
  await challenge.getByRole('button', { name: 'Continue' }).click();

  await page.getByText(`The console is for platform and tenant admins; ${member.username} is neither.`).waitFor();
  assert.equal(await page.getByRole('navigation').count(), 0);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  assert.deepEqual(errors, []);
});
