// The running system, driven through its REST API the way any client would: test tenants, users,
// products and orders are made here, never faked. Plain fetch keeps the tests independent of the
// client the console is built with.
import { createHmac, randomUUID } from 'node:crypto';

export const API = (process.env.TESSERA_URL ?? 'http://localhost:8080').replace(/\/+$/, '');
export const CONSOLE_URL = `${API}/console/`;
export const PASSWORD = 'Console-Passw0rd-Long';
/** moto's fixed TOTP secret (COGNITO_TOTP_MFA_SECRET): every enrolled authenticator shows its codes. */
export const EMULATOR_TOTP_SECRET = 'asdfasdfasdf';

export function platformAdmin() {
  const username = process.env.PLATFORM_ADMIN_USERNAME;
  const password = process.env.PLATFORM_ADMIN_PASSWORD;
  if (!username || !password) {
    throw new Error('PLATFORM_ADMIN_USERNAME and PLATFORM_ADMIN_PASSWORD come from .local/provisioned.env (scripts/browser-tests sources it)');
  }
  return { username, password };
}

async function call(method, path, { token, body, headers = {} } = {}) {
  const response = await fetch(API + path, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  }
  return text ? JSON.parse(text) : undefined;
}

/** A tenant (premium unless said: the highest request rate) signed up for one test, with its first admin. */
export async function signUpTenant(label, tier = 'premium') {
  const unique = randomUUID().slice(0, 8);
  const admin = { username: `admin-${unique}@console-${unique}.example.com`, password: PASSWORD };
  const companyName = `Console ${label} ${unique}`;
  const signedUp = await call('POST', '/tenants', {
    body: { companyName, adminEmail: admin.username, password: PASSWORD, tier },
  });
  // Where sign-up is confirmed by a code, the local system hands the code back in the answer.
  if (signedUp.confirmationCode) {
    await call('POST', '/auth/confirm', { body: { username: admin.username, code: signedUp.confirmationCode } });
  }
  const tenant = signedUp.tenant ?? signedUp;
  return { id: tenant.id, name: companyName, admin, adminToken: await signIn(admin) };
}

/** Tokens for a user, answering a first login's new-password challenge and a TOTP challenge. */
export async function signIn({ username, password }) {
  const answer = await call('POST', '/auth/login', { body: { username, password } });
  if (answer.tokens) {
    return answer.tokens.idToken;
  }
  const { name, session } = answer.challenge;
  const fields = name === 'SOFTWARE_TOKEN_MFA' ? { code: totp(EMULATOR_TOTP_SECRET) } : { newPassword: password };
  const tokens = await call('POST', '/auth/challenge', { body: { username, session, ...fields } });
  return tokens.idToken;
}

/** A user invited into the tenant, not signed in yet: their username and temporary password. */
export async function invite(tenant, role) {
  const username = `${role}-${randomUUID().slice(0, 8)}@console.example.com`;
  const invitation = await call('POST', '/users', { token: tenant.adminToken, body: { email: username, role } });
  return { username, password: invitation.temporaryPassword };
}

/** A member invited into the tenant, who has set their password; returns their ID token. */
export async function memberOf(tenant) {
  const { username, password } = await invite(tenant, 'members');
  const first = await call('POST', '/auth/login', { body: { username, password } });
  const tokens = await call('POST', '/auth/challenge', {
    body: { username, session: first.challenge.session, newPassword: PASSWORD },
  });
  return tokens.idToken;
}

export function createProduct(tenant, product) {
  return call('POST', '/products', { token: tenant.adminToken, body: { currency: 'EUR', stock: 1000, ...product } });
}

export function placeOrder(token, lines) {
  return call('POST', '/orders', { token, body: { lines }, headers: { 'Idempotency-Key': randomUUID() } });
}

export function getTenant(id) {
  return signIn(platformAdmin()).then((token) => call('GET', `/admin/tenants/${id}`, { token }));
}

/** Keeps the tenant over its request rate until stop() is called. */
export function saturate(tenant) {
  let running = true;
  const loops = Array.from({ length: 8 }, async () => {
    while (running) {
      await fetch(`${API}/me`, { headers: { authorization: `Bearer ${tenant.adminToken}` } });
    }
  });
  return async () => {
    running = false;
    await Promise.all(loops);
  };
}

export function listAudit(tenant) {
  return call('GET', '/audit', { token: tenant.adminToken });
}

/** RFC 6238 TOTP: HMAC-SHA-1 over the 30-second step, 6 digits, from a base32 secret. */
export function totp(base32Secret, now = Date.now()) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(now / 1000 / 30)));
  const hmac = createHmac('sha1', base32(base32Secret)).update(counter).digest();
  const offset = hmac[hmac.length - 1] & 0x0f;
  const code = (hmac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(code).padStart(6, '0');
}

/** RFC 4648 base32, without padding; trailing bits that make no whole byte are dropped. */
function base32(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of text.toUpperCase().replace(/=+$/, '')) {
    const value = alphabet.indexOf(char);
    if (value < 0) {
      throw new Error(`not base32: ${char}`);
    }
    bits += value.toString(2).padStart(5, '0');
  }
  const bytes = [];
  for (let at = 0; at + 8 <= bits.length; at += 8) {
    bytes.push(parseInt(bits.slice(at, at + 8), 2));
  }
  return Buffer.from(bytes);
}
