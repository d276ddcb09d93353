import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../../main/config/parsePolicy';

/** The policy example IT copies from must itself be a policy Spyglass applies (every key known, every value valid). */
describe('resources/policy.example.json', () => {
  it('is applied whole, alert settings included', () => {
    const file = join(__dirname, '../../../resources/policy.example.json');
    const parsed = parsePolicy(readFileSync(file, 'utf8'), file);
    expect(parsed).toMatchObject({ ok: true, values: { 'alerts.longHold.seconds': 90, 'alerts.desktopNotifications': true } });
  });
});
