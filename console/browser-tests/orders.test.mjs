import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openConsole, signInAs } from './support/browser.mjs';
import { createProduct, memberOf, placeOrder, signUpTenant } from './support/system.mjs';

test('a tenant admin filters orders by status, moves one along and cancels another after confirming', async (t) => {
  const tenant = await signUpTenant('orders');
  const member = await memberOf(tenant);
  const filter = await createProduct(tenant, { name: 'Paper filters', priceMinor: 450 });
  const shipped = await placeOrder(member, [{ productId: filter.productId, quantity: 1 }]);
  const cancelled = await placeOrder(member, [{ productId: filter.productId, quantity: 2 }]);
  const { page, errors } = await openConsole(t);
  await signInAs(page, tenant.admin);
  await page.getByRole('link', { name: 'Orders' }).click();

  const row = (order) => page.locator(`tr[data-order="${order.orderId}"]`);
  await row(shipped).getByRole('button', { name: 'Mark paid' }).click();
  await row(shipped).getByRole('button', { name: 'Mark shipped' }).click();
  await row(shipped).locator('.badge', { hasText: 'SHIPPED' }).waitFor();

  await row(cancelled).getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('dialog', { name: 'Cancel this order?' }).getByRole('button', { name: 'Cancel the order' }).click();
  await row(cancelled).locator('.badge', { hasText: 'CANCELLED' }).waitFor();
  assert.equal(await row(cancelled).getByRole('button').count(), 0, 'a cancelled order has nowhere to go');

  await page.getByLabel('Status').selectOption('SHIPPED');
  await page.locator('tr[data-order]').first().waitFor();
  await row(cancelled).waitFor({ state: 'detached' });
  assert.deepEqual(await page.locator('tr[data-order]').evaluateAll((rows) => rows.map((tr) => tr.dataset.order)), [shipped.orderId]);
  assert.deepEqual(errors, []);
});
