import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openConsole, signInAs } from './support/browser.mjs';
import { createProduct, memberOf, placeOrder, saturate, signUpTenant } from './support/system.mjs';

test("over the tenant's request rate, the console waits for Retry-After and its call goes through", async (t) => {
  const tenant = await signUpTenant('rate', 'basic');
  const { page, errors } = await openConsole(t);
  await signInAs(page, tenant.admin);
  await page.getByRole('heading', { name: 'Analytics' }).waitFor();

  const notice = page.getByRole('status').filter({ hasText: "Over the tenant's request rate" }).first();
  const stop = saturate(tenant);
  try {
    // Each page reads its list when opened; one of these reads meets the full bucket.
    for (let attempt = 0; attempt < 20 && !(await notice.isVisible()); attempt++) {
      await page.getByRole('link', { name: attempt % 2 ? 'Users' : 'Audit trail' }).click();
      await page.waitForTimeout(150);
    }
    await notice.waitFor();
  } finally {
    await stop();
  }
  await page.getByRole('link', { name: 'Users' }).click();
  await page.locator(`tr[data-user="${tenant.admin.username}"]`).waitFor();
  assert.equal(await page.locator('.problem').count(), 0, 'no call failed: each waited and went through');
  // The browser logs each 429 it was answered; nothing else may fail.
  assert.deepEqual(errors.filter((error) => !error.includes('429')), []);
});

test('after the WebSocket drops, the console reconnects, subscribes again and keeps the feed live', async (t) => {
  const tenant = await signUpTenant('reconnect');
  const member = await memberOf(tenant);
  const cup = await createProduct(tenant, { name: 'Espresso cup', priceMinor: 1250 });
  const { page, errors } = await openConsole(t);
  // The browser's WebSocket goes through Playwright to the real server, so the test can cut it.
  const connections = [];
  await page.routeWebSocket(/\/ws\?token=/, (socket) => {
    socket.connectToServer();
    connections.push(socket);
  });
  await signInAs(page, tenant.admin);
  await page.getByRole('link', { name: 'Orders' }).click();
  await page.locator('.live-state.live').waitFor();

  await connections[0].close({ code: 1012, reason: 'service restart' });
  await page.locator('.live-state.reconnecting').waitFor();
  await page.locator('.live-state.live').waitFor();
  assert.equal(connections.length, 2);

  const order = await placeOrder(member, [{ productId: cup.productId, quantity: 1 }]);
  await page.locator(`.feed li[data-order="${order.orderId}"]`).waitFor();
  assert.deepEqual(errors, []);
});

test('a socket the server closes as soon as it opens is retried after growing delays, not once a second', async (t) => {
  const tenant = await signUpTenant('storm');
  const { page } = await openConsole(t);
  // The browser's WebSocket meets a server that accepts it and closes it at once, as the local
  // server does (1011) while its AWS endpoint does not answer.
  const opened = [];
  await page.routeWebSocket(/\/ws\?token=/, (socket) => {
    opened.push(Date.now());
    setTimeout(() => socket.close({ code: 1011, reason: 'could not register the connection' }), 50);
  });
  await signInAs(page, tenant.admin);
  await page.locator('.live-state').first().waitFor();
  await page.waitForTimeout(12_000);

  const gaps = opened.slice(1).map((at, i) => at - opened[i]);
  assert.ok(opened.length >= 3 && opened.length <= 6, `${opened.length} connections in 12 s, gaps ${gaps}`);
  assert.ok(gaps.at(-1) >= 2 * gaps[0], `each wait longer than the one before: ${gaps}`);
});
