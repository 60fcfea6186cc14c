import { describe, expect, it } from 'vitest';
import {
  itemIdPrefix,
  newItemId,
  newRoleId,
} from '../../../src/renderer/features/settings/checklist-ids';
import { defaultsIdSchema } from '../../../src/shared/domain/incident-defaults';

describe('newItemId', () => {
  it('makes the id from the words of the text, under the prefix', () => {
    expect(newItemId('Check the CDN dashboards', 'tech', new Set())).toBe(
      'tech.check-the-cdn-dashboards',
    );
    expect(newItemId('Prüfe die Übersicht', 'closure', new Set())).toBe(
      'closure.prufe-die-ubersicht',
    );
  });

  it('is the same for the same text, so an unsaved item keeps its id until saved', () => {
    const taken = new Set(['ic.severity']);
    expect(newItemId('Page the DBA', 'ic', taken)).toBe(newItemId('Page the DBA', 'ic', taken));
  });

  it('never takes an id in use', () => {
    const taken = new Set(['ic.page-the-dba', 'ic.page-the-dba-2']);
    expect(newItemId('Page the DBA!', 'ic', taken)).toBe('ic.page-the-dba-3');
    expect(newItemId('***', 'ic', new Set(['ic.item']))).toBe('ic.item-2');
  });

  it('cuts long texts at a word and stays a valid id', () => {
    const text =
      'Tell every affected enterprise customer’s technical account manager before the status page goes out';
    const id = newItemId(text, 'comms', new Set());
    expect(id).toBe('comms.tell-every-affected-enterprise');
    expect(defaultsIdSchema.safeParse(id).success).toBe(true);
    const long = newItemId(
      'x'.repeat(300),
      'a'.repeat(24),
      new Set([`${'a'.repeat(24)}.${'x'.repeat(32)}`]),
    );
    expect(defaultsIdSchema.safeParse(long).success).toBe(true);
  });
});

describe('itemIdPrefix', () => {
  it('follows the prefix the checklist already uses, else the owner', () => {
    expect(itemIdPrefix('tech-lead', ['tech.logs', 'tech.metrics'])).toBe('tech');
    expect(itemIdPrefix('dba', [])).toBe('dba');
    expect(itemIdPrefix('closure', ['closure.stable'])).toBe('closure');
  });
});

describe('newRoleId', () => {
  it('makes a slug of the name, never reusing a product role id', () => {
    expect(newRoleId('On-call DBA', new Set())).toBe('on-call-dba');
    expect(newRoleId('Scribe', new Set(['scribe']))).toBe('scribe-2');
    expect(newRoleId('  ', new Set())).toBe('role');
  });
});
