// Goal: the Invoices page's pure helpers pick the UTC month, accept only YYYY-MM months, name downloads as the server does, and explain refusals. Method: direct calls with fixed inputs.
import { describe, expect, it } from 'vitest';
import {
  currentMonth,
  dispositionFileName,
  downloadFailureMessage,
  fileNameOf,
  isMonth,
} from '../../../../client/src/routes/invoices/documents.js';

describe('invoices page helpers', () => {
  it('takes the month in UTC, whatever the browser zone', () => {
    expect(currentMonth(Date.UTC(2026, 11, 31, 23, 59))).toBe('2026-12');
    expect(currentMonth(Date.UTC(2027, 0, 1, 0, 0))).toBe('2027-01');
  });

  it('accepts YYYY-MM months only', () => {
    expect(['2026-01', '2026-12'].map(isMonth)).toEqual([true, true]);
    expect(['2026-13', '2026-00', '2026-1', '', '2026-12-01'].map(isMonth)).toEqual([false, false, false, false, false]);
  });

  it("saves under the server's file name, else the path's last segment", () => {
    expect(dispositionFileName('attachment; filename="SW-2026-000001.pdf"', 'x.pdf')).toBe('SW-2026-000001.pdf');
    expect(dispositionFileName('attachment; filename="../../etc/passwd"', 'x.pdf')).toBe('passwd');
    expect(dispositionFileName(null, 'x.pdf')).toBe('x.pdf');
    expect(fileNameOf('/documents/invoices/12.pdf')).toBe('12.pdf');
  });

  it("explains a refusal with the server's message, else by status", () => {
    expect(downloadFailureMessage(404, '{"error":{"code":"NOT_FOUND","message":"Invoice \\"9\\" not found"}}')).toBe(
      'The download failed: Invoice "9" not found',
    );
    expect(downloadFailureMessage(401, '<html>')).toBe('The download was refused: this API key is unknown or revoked.');
    expect(downloadFailureMessage(502, '')).toBe('The download failed (HTTP 502). Try again in a moment.');
  });
});
