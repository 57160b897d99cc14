import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openConsole, signInAs } from './support/browser.mjs';
import { createProduct, signUpTenant } from './support/system.mjs';

test('a tenant admin creates, edits and deletes a product', async (t) => {
  const tenant = await signUpTenant('catalog-edit');
  const { page, errors } = await openConsole(t, { width: 390, height: 844 });
  await signInAs(page, tenant.admin);
  await page.getByRole('link', { name: 'Catalog' }).click();

  await page.getByRole('button', { name: 'New product' }).click();
  const form = page.getByRole('form', { name: 'New product' });
  await form.getByLabel('Name').fill('Pour-over kettle');
  await form.getByLabel('Price').fill('39.50');
  await form.getByLabel('Stock').fill('12');
  await form.getByRole('button', { name: 'Save' }).click();
  const card = page.locator('li[data-product="Pour-over kettle"]');
  await card.getByText('39.50 EUR · 12 in stock · version 1').waitFor();

  await card.getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('form', { name: /Edit Pour-over kettle/ });
  await edit.getByLabel('Price').fill('42');
  await edit.getByRole('button', { name: 'Save' }).click();
  await card.getByText('42.00 EUR · 12 in stock · version 2').waitFor();

  await card.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog', { name: 'Delete Pour-over kettle?' }).getByRole('button', { name: 'Delete' }).click();
  await card.waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
});

test('an edit of a product that changed since it was read is refused with 412 and says so', async (t) => {
  const tenant = await signUpTenant('catalog-stale');
  const product = await createProduct(tenant, { name: 'Grinder', priceMinor: 8900 });
  const { page, errors } = await openConsole(t);
  await signInAs(page, tenant.admin);
  await page.getByRole('link', { name: 'Catalog' }).click();
  const card = page.locator('li[data-product="Grinder"]');
  await card.getByRole('button', { name: 'Edit' }).click();

  // Another admin saves first.
  await fetch(`${process.env.TESSERA_URL ?? 'http://localhost:8080'}/products/${product.productId}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${tenant.adminToken}`, 'content-type': 'application/json', 'if-match': '"1"' },
    body: JSON.stringify({ name: 'Grinder', priceMinor: 9900, currency: 'EUR', stock: 1000 }),
  });
  const edit = page.getByRole('form', { name: /Edit Grinder/ });
  await edit.getByLabel('Stock').fill('5');
  await edit.getByRole('button', { name: 'Save' }).click();
  const problem = edit.getByRole('alert');
  await problem.waitFor();
  assert.match(await problem.textContent(), /412/);
  assert.match(await problem.textContent(), /changed since you opened it/);
  assert.deepEqual(errors.filter((error) => !error.includes('412')), []);
});
