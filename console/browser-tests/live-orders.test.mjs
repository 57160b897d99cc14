import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openConsole, screenshot, signInAs } from './support/browser.mjs';
import { createProduct, memberOf, placeOrder, signUpTenant } from './support/system.mjs';

test("a member's order appears in the live feed and moves the analytics chart", async (t) => {
  const tenant = await signUpTenant('live');
  const member = await memberOf(tenant);
  const beans = await createProduct(tenant, { name: 'Coffee beans 1 kg', priceMinor: 2490 });
  const cups = await createProduct(tenant, { name: 'Espresso cup', priceMinor: 1250 });
  const { page, errors } = await openConsole(t);
  await signInAs(page, tenant.admin);

  await page.getByRole('heading', { name: 'Analytics' }).waitFor();
  await page.locator('.live-state.live').waitFor();
  const minuteChart = page.locator('figure.chart').first();
  await minuteChart.waitFor();
  assert.equal(await minuteChart.getAttribute('data-orders-total'), '0');
  await placeOrder(member, [{ productId: beans.productId, quantity: 2 }]);
  await placeOrder(member, [{ productId: cups.productId, quantity: 3 }, { productId: beans.productId, quantity: 1 }]);
  await page.locator('figure.chart[data-orders-total="2"]').first().waitFor();
  await page.locator('tr[data-status="PLACED"]').filter({ hasText: '2' }).waitFor();
  await page.getByRole('rowheader', { name: 'Coffee beans 1 kg' }).waitFor();
  // This one and orders-live-feed are the README's screenshots (console/screenshots/).
  await screenshot(page, 'analytics-dashboard');

  await page.getByRole('link', { name: 'Orders' }).click();
  await page.locator('tr[data-order]').nth(1).waitFor();
  const order = await placeOrder(member, [{ productId: cups.productId, quantity: 1 }]);
  await page.locator(`.feed li[data-order="${order.orderId}"]`).waitFor();
  const row = page.locator(`tr[data-order="${order.orderId}"]`);
  await row.waitFor();
  await row.getByRole('button', { name: 'Mark paid' }).click();
  await row.locator('.badge', { hasText: 'PAID' }).waitFor();
  await page.locator(`.feed li[data-order="${order.orderId}"]`, { hasText: 'PLACED → PAID' }).waitFor();
  await screenshot(page, 'orders-live-feed');
  assert.deepEqual(errors, []);
});
