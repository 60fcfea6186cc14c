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
