import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt's block size and parallelism: the values its authors recommend for interactive logins. */
const SCRYPT_BLOCK_SIZE = 8;
const SCRYPT_PARALLELISM = 1;
const KEY_BYTES = 64;
const SALT_BYTES = 16;

function derive(password: string, salt: Buffer, cost: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFKC'),
      salt,
      KEY_BYTES,
      { N: cost, r: SCRYPT_BLOCK_SIZE, p: SCRYPT_PARALLELISM, maxmem: 256 * cost * SCRYPT_BLOCK_SIZE },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/**
 * A password's stored form: `scrypt$N$r$p$salt$hash` (base64url). Memory-hard, salted per
 * password, and self-describing so the cost can rise later without invalidating old hashes.
 */
export async function hashPassword(password: string, cost: number): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, cost);
  return ['scrypt', cost, SCRYPT_BLOCK_SIZE, SCRYPT_PARALLELISM, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** True when `password` matches `stored`; compares in constant time. A malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const cost = Number(parts[1]);
  if (
    !Number.isInteger(cost) ||
    cost < 2 ||
    (cost & (cost - 1)) !== 0 ||
    Number(parts[2]) !== SCRYPT_BLOCK_SIZE ||
    Number(parts[3]) !== SCRYPT_PARALLELISM
  )
    return false;
  const expected = Buffer.from(parts[5]!, 'base64url');
  const key = await derive(password, Buffer.from(parts[4]!, 'base64url'), cost);
  return expected.length === key.length && timingSafeEqual(expected, key);
}
