// Goal: the history's CSV export is asked for with exactly the filters in force (nothing for "all"), saved under the server's file name, and a refusal reads as the server words it; method: examples.
import { describe, expect, it } from 'vitest';
import {
  defaultExportFileName,
  exportFailureMessage,
  exportFileName,
  transactionExportPath,
  type TransactionExportFilters,
} from '../../../../client/src/routes/transactions/csv-export.js';

const NONE: TransactionExportFilters = { type: null, kind: null, status: null, from: null, to: null, campaignId: null };
const WALLET = '4b035749-1c2d-4e5f-8a9b-0c1d2e3f4a5b';

describe('transactionExportPath', () => {
  it('has no query string without filters', () => {
    expect(transactionExportPath(WALLET, NONE)).toBe(`/export/wallets/${WALLET}/transactions.csv`);
  });

  it('sends every filter that is set, in a fixed order, encoded', () => {
    const path = transactionExportPath(WALLET, {
      type: 'CREDIT',
      kind: 'TOP_UP',
      status: 'COMPLETED',
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-02T00:00:00.000Z',
      campaignId: 'c-1',
    });
    expect(path).toBe(
      `/export/wallets/${WALLET}/transactions.csv?type=CREDIT&kind=TOP_UP&status=COMPLETED&from=2026-11-01T00%3A00%3A00.000Z&to=2026-11-02T00%3A00%3A00.000Z&campaignId=c-1`,
    );
    const query = new URLSearchParams(path.split('?')[1]);
    expect(query.get('from')).toBe('2026-11-01T00:00:00.000Z');
  });

  it('leaves out empty values and encodes the wallet id', () => {
    expect(transactionExportPath('a/b', { ...NONE, kind: '', status: 'PENDING' })).toBe(
      '/export/wallets/a%2Fb/transactions.csv?status=PENDING',
    );
  });
});

describe('exportFileName', () => {
  it('reads the quoted, bare and RFC 5987 forms, the last winning', () => {
    expect(exportFileName('attachment; filename="transactions-w.csv"', 'x.csv')).toBe('transactions-w.csv');
    expect(exportFileName('attachment; filename=plain.csv', 'x.csv')).toBe('plain.csv');
    expect(exportFileName(`attachment; filename="fallback.csv"; filename*=UTF-8''r%C3%A9sum%C3%A9.csv`, 'x.csv')).toBe('résumé.csv');
  });

  it('drops folders and falls back when there is no name', () => {
    expect(exportFileName('attachment; filename="../../etc/passwd"', 'x.csv')).toBe('passwd');
    expect(exportFileName(null, defaultExportFileName(WALLET))).toBe(`transactions-${WALLET}.csv`);
    expect(exportFileName('attachment', 'x.csv')).toBe('x.csv');
    expect(exportFileName(`attachment; filename*=UTF-8''%E0%A4%A`, 'x.csv')).toBe('x.csv');
  });
});

describe('exportFailureMessage', () => {
  it("uses the server's message", () => {
    expect(
      exportFailureMessage(400, JSON.stringify({ error: { code: 'BAD_USER_INPUT', message: 'to must not be before from', field: 'to' } })),
    ).toBe('The export failed: to must not be before from');
  });

  it('falls back on the status, for known and unknown ones', () => {
    expect(exportFailureMessage(401, '')).toBe('The export was refused: this API key is unknown or revoked.');
    expect(exportFailureMessage(404, '<html>')).toBe('This wallet is not visible with this credential.');
    expect(exportFailureMessage(502, 'Bad gateway')).toBe('The export failed (HTTP 502). Try again in a moment.');
  });
});
