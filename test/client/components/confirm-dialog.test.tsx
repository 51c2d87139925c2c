// Goal: the shared confirmation dialog says what it will do and offers the confirming action and Cancel, with the error of a failed attempt; a destructive action is styled so. Method: server-side render to HTML (focus and modality are covered in Chromium by the e2e files that open it).
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ConfirmDialog } from '../../../client/src/components/ConfirmDialog.js';

describe('ConfirmDialog', () => {
  it('renders the question, the explanation, the confirming button and Cancel', () => {
    const html = renderToStaticMarkup(
      <ConfirmDialog title="Grant $25.00 to Acme?" confirmLabel="Grant $25.00" onConfirm={() => {}} onCancel={() => {}}>
        <p>The credit is added to the wallet at once.</p>
      </ConfirmDialog>,
    );
    expect(html).toContain('Grant $25.00 to Acme?');
    expect(html).toContain('The credit is added to the wallet at once.');
    expect(html).toContain('>Grant $25.00</button>');
    expect(html).toContain('>Cancel</button>');
    expect(html).toContain('button--primary');
    expect(html).not.toContain('role="alert"');
  });

  it('shows a failed attempt and disables both buttons while busy; a destructive action is styled as one', () => {
    const html = renderToStaticMarkup(
      <ConfirmDialog
        title="Revoke?"
        confirmLabel="Revoke"
        destructive
        busy
        error="Already revoked."
        onConfirm={() => {}}
        onCancel={() => {}}
      />,
    );
    expect(html).toContain('role="alert"');
    expect(html).toContain('Already revoked.');
    expect(html).toContain('button--danger');
    expect(html).toContain('Working…');
    expect(html.match(/disabled=""/g)?.length).toBe(2);
  });
});
