import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openConsole } from './support/browser.mjs';
import { signUpTenant } from './support/system.mjs';

test('a tenant admin signs in and opens the users page with the keyboard alone', async (t) => {
  const tenant = await signUpTenant('keyboard');
  const { page, errors } = await openConsole(t);

  await tabTo(page, (element) => element.name === 'username');
  await page.keyboard.type(tenant.admin.username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(tenant.admin.password);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Analytics' }).waitFor();

  await tabTo(page, (element) => element.textContent === 'Users');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Users' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Users' }).getAttribute('aria-current'), 'page');
  assert.deepEqual(errors, []);
});

/** Presses Tab until the focused element is the one wanted (at most 20 times). */
async function tabTo(page, wanted) {
  for (let presses = 0; presses < 20; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(`(${wanted})(document.activeElement)`)) {
      return;
    }
  }
  assert.fail('never reached by Tab');
}
