import assert from 'node:assert/strict';
import { test } from 'node:test';
import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { openConsole, signInAs } from './support/browser.mjs';
import { createProduct, signUpTenant } from './support/system.mjs';

test('a product image goes to S3 with a progress bar, is checked UPLOADED and becomes the product image', async (t) => {
  const tenant = await signUpTenant('catalog');
  await createProduct(tenant, { name: 'Milk jug', priceMinor: 1890 });
  const { page, errors } = await openConsole(t);
  await signInAs(page, tenant.admin);

  await page.getByRole('link', { name: 'Catalog' }).click();
  const card = page.locator('li[data-product="Milk jug"]');
  // About 300 KB at 200 KB/s: the upload lasts long enough to watch its progress.
  const network = await page.context().newCDPSession(page);
  await network.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 200 * 1024 });
  await card.getByLabel('Image for Milk jug').setInputFiles({ name: 'jug.png', mimeType: 'image/png', buffer: png(320, 320) });
  const progress = card.getByRole('progressbar', { name: 'Uploading the image of Milk jug' });
  await page.waitForFunction((bar) => bar && Number(bar.value) > 0 && Number(bar.value) < 100, await progress.elementHandle());
  await card.locator('.upload-status', { hasText: 'UPLOADED' }).waitFor({ timeout: 30_000 });
  await card.getByText(/Image: upload [0-9a-f-]+/).waitFor();
  assert.match(await card.locator('.price').textContent(), /version 2/);
  assert.deepEqual(errors, []);
});

/** A real PNG of noise (it does not compress), so the server's check of the stored bytes accepts it. */
function png(width, height) {
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Array.from({ length: height }, () => Buffer.concat([Buffer.from([0]), randomBytes(width * 3)]));
  const pixels = deflateSync(Buffer.concat(rows));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) {
      crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
    }
  }
  return (crc ^ 0xffffffff) >>> 0;
}
