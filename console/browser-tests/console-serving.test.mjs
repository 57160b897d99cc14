import assert from 'node:assert/strict';
import { test } from 'node:test';
import { API, CONSOLE_URL } from './support/system.mjs';

test('the console is served to anyone with a Content-Security-Policy that allows no inline code', async () => {
  const page = await fetch(CONSOLE_URL);

  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type'), /^text\/html/);
  const policy = page.headers.get('content-security-policy');
  assert.match(policy, /default-src 'none'/);
  assert.match(policy, /script-src 'self';/);
  assert.match(policy, /frame-ancestors 'none'/);
  assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/);
  assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
  assert.match(await page.text(), /<script type="module" src="app.js"><\/script>/);
});

test('the console address without its slash is sent to the page, whose links are relative', async () => {
  const answer = await fetch(`${API}/console`, { redirect: 'manual' });

  assert.equal(answer.status, 308);
  assert.equal(answer.headers.get('location'), '/console/');
});

test('only the files of the console build are served, nothing beside or above them', async () => {
  for (const path of ['/console/..%2Fapplication.yml', '/console/%2e%2e%2fopenapi.yaml', '/console/generated/runtime.ts', '/console/app.ts']) {
    assert.equal((await fetch(API + path)).status, 404, path);
  }
});

test('a console file the browser already holds is revalidated with 304, a changed one sent again', async () => {
  const first = await fetch(`${CONSOLE_URL}app.js`);
  const etag = first.headers.get('etag');

  assert.equal(first.status, 200);
  assert.match(etag, /^"[A-Za-z0-9_-]{43}"$/);
  assert.equal(first.headers.get('cache-control'), 'no-cache');
  const again = await fetch(`${CONSOLE_URL}app.js`, { headers: { 'If-None-Match': etag } });
  assert.equal(again.status, 304);
  assert.equal(again.headers.get('etag'), etag);
  assert.equal((await fetch(`${CONSOLE_URL}app.js`, { headers: { 'If-None-Match': '"stale"' } })).status, 200);
});
