import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openConsole, signInAs } from './support/browser.mjs';
import { createProduct, memberOf, placeOrder, signUpTenant } from './support/system.mjs';

test('chart totals are exact in each currency the tenant sells in, chosen from a list', async (t) => {
  const tenant = await signUpTenant('currencies');
  const member = await memberOf(tenant);
  // A dinar has three decimals.
  const lamp = await createProduct(tenant, { name: 'Brass lamp', priceMinor: 1250, currency: 'BHD' });
  const cup = await createProduct(tenant, { name: 'Espresso cup', priceMinor: 2490, currency: 'EUR' });
  await placeOrder(member, [{ productId: lamp.productId, quantity: 1 }]);
  await placeOrder(member, [{ productId: cup.productId, quantity: 1 }]);
  await placeOrder(member, [{ productId: cup.productId, quantity: 2 }]);
  const { page, errors } = await openConsole(t);
  await signInAs(page, tenant.admin);

  const summary = page.locator('figure.chart .chart-summary').first();
  await page.locator('figure.chart[data-orders-total="3"]').first().waitFor();
  await summary.filter({ hasText: '1.250 BHD in this range' }).waitFor();

  await page.getByLabel('Revenue in').selectOption('EUR');
  await summary.filter({ hasText: '74.70 EUR in this range' }).waitFor();
  assert.deepEqual(errors, []);
});
