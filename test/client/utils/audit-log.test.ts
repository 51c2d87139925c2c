// Goal: the audit log shows each change as people read it: only the fields an update changed (before → after), every field of a
// creation or deletion, camelCase field names in words, and every action labelled. Method: the pure rules on JSON as the API sends it.
import { describe, expect, it } from 'vitest';
import { AuditAction } from '../../../client/src/gql/graphql.js';
import { AUDIT_ACTION_LABELS, auditChanges, fieldLabel } from '../../../client/src/utils/audit-log.js';

describe('audit log rules', () => {
  it('lists only the changed fields of an update, before and after', () => {
    expect(auditChanges('{"enabled":true,"threshold":"10","target":"50"}', '{"enabled":false,"threshold":"10","target":"60"}')).toEqual([
      { field: 'enabled', before: 'true', after: 'false' },
      { field: 'target', before: '50', after: '60' },
    ]);
  });

  it('lists every field of a creation or a deletion, lists joined', () => {
    expect(auditChanges(null, '{"url":"https://x.test/h","eventTypes":["ALERT_RAISED","TOP_UP_FAILED"]}')).toEqual([
      { field: 'url', before: null, after: 'https://x.test/h' },
      { field: 'eventTypes', before: null, after: 'ALERT_RAISED, TOP_UP_FAILED' },
    ]);
    expect(auditChanges('{"name":"CRM"}', null)).toEqual([{ field: 'name', before: 'CRM', after: null }]);
  });

  it('reads nothing from text that is not a JSON object', () => {
    expect(auditChanges('not json', '[1]')).toEqual([]);
  });

  it('names fields and actions in words', () => {
    expect(fieldLabel('eventTypes')).toBe('event types');
    expect(fieldLabel('addressLine1')).toBe('address line1');
    // Every action the schema has, whatever their number (actions are added by parallel work).
    expect(Object.keys(AUDIT_ACTION_LABELS).sort()).toEqual(Object.values(AuditAction).sort());
  });
});
