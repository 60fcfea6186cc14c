import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The text of a fixture in test/fixtures/alertmanager/.
 * @param name - its file name
 */
export function alertmanagerFixture(name: string): string {
  return readFileSync(
    fileURLToPath(new URL(`../../../../fixtures/alertmanager/${name}`, import.meta.url)),
    'utf8',
  );
}

/**
 * A fixture in test/fixtures/pagerduty/, parsed.
 * @param name - its file name
 */
export function pagerdutyFixture(name: string): unknown {
  return JSON.parse(
    readFileSync(
      fileURLToPath(new URL(`../../../../fixtures/pagerduty/${name}`, import.meta.url)),
      'utf8',
    ),
  );
}
