// Goal: the webhook target filter lets through public addresses only, whatever form the URL's host takes, and refuses a whole name when any address it resolves to is not public. Method: the pure functions on literal addresses and on URLs after WHATWG parsing; names resolved by the system resolver through /etc/hosts (`localhost`) or by an injected resolver standing in for DNS (never a network lookup, never a connection).
import { describe, expect, it } from 'vitest';
import { BadUserInputError } from '../../../server/errors.js';
import { classifyWebhookError } from '../../../server/domain/webhooks/post-webhook.js';
import {
  assertWebhookTargetAllowed,
  checkWebhookTarget,
  forbiddenAddressReason,
  type ResolveHost,
} from '../../../server/domain/webhooks/webhook-target.js';

/** DNS as the tests need it: a fixed table; unknown names do not resolve. */
function fakeDns(table: Record<string, string[]>): ResolveHost {
  return async (hostname) => {
    const addresses = table[hostname];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
}

describe('forbiddenAddressReason', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'metadata'],
    ['169.254.1.1', 'linkLocal'],
    ['fd00:ec2::254', 'metadata'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['fe80::1', 'linkLocal'],
    ['fe80::1%eth0', 'linkLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['192.0.2.1', 'reserved'],
    ['203.0.113.7', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['2001:db8::1', 'reserved'],
    // IPv6 forms that embed a non-public IPv4 address.
    ['::ffff:127.0.0.1', 'ipv4Mapped(loopback)'],
    ['::ffff:7f00:1', 'ipv4Mapped(loopback)'],
    ['::ffff:10.0.0.1', 'ipv4Mapped(private)'],
    ['::ffff:169.254.169.254', 'ipv4Mapped(metadata)'],
    ['::ffff:0:7f00:1', 'rfc6145(loopback)'],
    ['64:ff9b::7f00:1', 'rfc6052(loopback)'],
    ['64:ff9b::a9fe:a9fe', 'rfc6052(metadata)'],
    ['64:ff9b:1::1', 'rfc6052'],
    ['2002:7f00:1::1', '6to4(loopback)'],
    ['2002:a00:1::1', '6to4(private)'],
    // Teredo: server 65.54.227.120, client 192.168.0.1 stored inverted (3f57:fffe).
    ['2001:0:4136:e378:8000:63bf:3f57:fffe', 'teredo(private)'],
    // IPv4-compatible (deprecated) and other addresses outside 2000::/3.
    ['::7f00:1', 'notGlobalUnicast'],
    ['not an address', 'invalid'],
    ['127.1', 'invalid'],
  ])('%s is refused (%s)', (address, reason) => {
    expect(forbiddenAddressReason(address)).toBe(reason);
  });

  it.each(['93.184.215.14', '8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '::ffff:93.184.215.14', '64:ff9b::808:808', '2002:5db8:d70e::1'])(
    '%s is public',
    (address) => {
      expect(forbiddenAddressReason(address)).toBeNull();
    },
  );
});

describe('checkWebhookTarget on URLs (after WHATWG parsing)', () => {
  const strict = { allowPrivate: false, resolveHost: fakeDns({}) };

  it.each([
    ['https://127.1/hooks', '127.0.0.1'],
    ['https://0x7f000001/hooks', '127.0.0.1'],
    ['https://2130706433/hooks', '127.0.0.1'],
    ['https://017700000001/hooks', '127.0.0.1'],
    ['https://0x7f.1/hooks', '127.0.0.1'],
    ['https://[::ffff:127.0.0.1]/hooks', '::ffff:7f00:1'],
    ['https://[::1]/hooks', '::1'],
    ['https://10.0.0.1/hooks', '10.0.0.1'],
    ['https://169.254.169.254/latest/meta-data/', '169.254.169.254'],
    ['https://100.64.0.1/hooks', '100.64.0.1'],
    ['https://[fe80::1]/hooks', 'fe80::1'],
    ['https://[fc00::1]/hooks', 'fc00::1'],
    ['https://[fd00:ec2::254]/hooks', 'fd00:ec2::254'],
    ['https://0.0.0.0/hooks', '0.0.0.0'],
    ['https://0/hooks', '0.0.0.0'],
  ])('%s is refused as the literal %s, without a lookup', async (url, address) => {
    // The injected resolver knows no name: a literal must not reach it.
    const check = await checkWebhookTarget(new URL(url), strict);
    expect(check).toMatchObject({ ok: false, failure: 'FORBIDDEN_TARGET', address });
  });

  it('localhost and localhost. are refused through the system resolver (/etc/hosts)', async () => {
    for (const url of ['https://localhost/hooks', 'https://localhost./hooks', 'https://LOCALHOST:8443/hooks']) {
      const check = await checkWebhookTarget(new URL(url), { allowPrivate: false });
      expect(check, url).toMatchObject({ ok: false, failure: 'FORBIDDEN_TARGET' });
    }
  });

  it('a name is refused when any of its addresses is not public, and accepted when all are', async () => {
    const resolveHost = fakeDns({
      'hooks.example.com': ['93.184.215.14', '2606:2800:220:1::1'],
      'intranet.example.com': ['10.0.0.7'],
      'mixed.example.com': ['93.184.215.14', '192.168.0.10'],
      'mapped.example.com': ['::ffff:169.254.169.254'],
    });
    expect(await checkWebhookTarget(new URL('https://hooks.example.com/x'), { allowPrivate: false, resolveHost })).toEqual({
      ok: true,
      addresses: [
        { address: '93.184.215.14', family: 4 },
        { address: '2606:2800:220:1::1', family: 6 },
      ],
    });
    expect(await checkWebhookTarget(new URL('https://intranet.example.com/x'), { allowPrivate: false, resolveHost })).toMatchObject({
      ok: false,
      reason: 'private',
    });
    expect(await checkWebhookTarget(new URL('https://mixed.example.com/x'), { allowPrivate: false, resolveHost })).toMatchObject({
      ok: false,
      address: '192.168.0.10',
    });
    expect(await checkWebhookTarget(new URL('https://mapped.example.com/x'), { allowPrivate: false, resolveHost })).toMatchObject({
      ok: false,
      reason: 'ipv4Mapped(metadata)',
    });
    expect(await checkWebhookTarget(new URL('https://nowhere.example.com/x'), { allowPrivate: false, resolveHost })).toEqual({
      ok: false,
      failure: 'DNS_FAILURE',
    });
    // A trailing dot is the same name.
    expect(await checkWebhookTarget(new URL('https://intranet.example.com./x'), { allowPrivate: false, resolveHost })).toMatchObject({
      ok: false,
      reason: 'private',
    });
    // With private targets allowed the name is still resolved, and its addresses returned as they are.
    expect(await checkWebhookTarget(new URL('https://intranet.example.com/x'), { allowPrivate: true, resolveHost })).toEqual({
      ok: true,
      addresses: [{ address: '10.0.0.7', family: 4 }],
    });
  });

  it('assertWebhookTargetAllowed answers BAD_USER_INPUT on url, naming no address; with private targets allowed it looks nothing up', async () => {
    const resolveHost = fakeDns({ 'intranet.example.com': ['10.0.0.7'], 'hooks.example.com': ['93.184.215.14'] });
    const refusal = await assertWebhookTargetAllowed('https://intranet.example.com/x', { allowPrivate: false, resolveHost }).catch(
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(BadUserInputError);
    expect((refusal as BadUserInputError).extensions).toMatchObject({ field: 'url' });
    expect((refusal as Error).message).not.toContain('10.0.0.7');
    await expect(assertWebhookTargetAllowed('https://nowhere.example.com/x', { allowPrivate: false, resolveHost })).rejects.toThrow(
      /does not resolve/,
    );
    await expect(assertWebhookTargetAllowed('https://hooks.example.com/x', { allowPrivate: false, resolveHost })).resolves.toBeUndefined();
    const unreachable: ResolveHost = async () => {
      throw new Error('the resolver must not be asked');
    };
    await expect(
      assertWebhookTargetAllowed('https://intranet.example.com/x', { allowPrivate: true, resolveHost: unreachable }),
    ).resolves.toBeUndefined();
  });
});

describe('classifyWebhookError', () => {
  it.each([
    [{ code: 'ECONNREFUSED' }, 'CONNECTION_REFUSED'],
    [{ code: 'ECONNRESET' }, 'CONNECTION_RESET'],
    [{ code: 'EHOSTUNREACH' }, 'HOST_UNREACHABLE'],
    [{ code: 'ENOTFOUND' }, 'DNS_FAILURE'],
    [{ code: 'EAI_AGAIN' }, 'DNS_FAILURE'],
    [{ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }, 'TLS_ERROR'],
    [{ code: 'ERR_TLS_CERT_ALTNAME_INVALID' }, 'TLS_ERROR'],
    [{ code: 'ERR_SSL_WRONG_VERSION_NUMBER' }, 'TLS_ERROR'],
    [{ code: 'HPE_INVALID_CONSTANT' }, 'INVALID_RESPONSE'],
    [{ code: 'ESOMETHINGELSE' }, 'CONNECTION_FAILED'],
    [{}, 'CONNECTION_FAILED'],
  ])('%o → %s', (fields, expected) => {
    expect(classifyWebhookError(Object.assign(new Error('raw text that must not be kept'), fields))).toBe(expected);
  });

  it('takes the first error of an AggregateError (every address failed)', () => {
    const inner = Object.assign(new Error('connect ECONNREFUSED 10.1.2.3:6379'), { code: 'ECONNREFUSED' });
    expect(classifyWebhookError(new AggregateError([inner]))).toBe('CONNECTION_REFUSED');
  });
});
