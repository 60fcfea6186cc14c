import { randomBytes } from 'node:crypto';

/**
 * A new incident id, `inc-YYYYMMDD-HHMMSS-xxxx` (UTC, four random hex digits): sortable by
 * declaration time when listed as files, readable in a chat message, and a safe file name
 * (incidentIdSchema). The random part keeps two teammates declaring in the same second apart
 * once documents sync by id.
 * @param now - the moment of declaration
 * @param taken - true for an id already in use here; another random part is drawn for it
 * @param random - four hex digits (tests pass a fixed source)
 */
export function newIncidentId(
  now: Date,
  taken: (id: string) => boolean,
  random: () => string = () => randomBytes(2).toString('hex'),
): string {
  const stamp = now.toISOString();
  const date = `${stamp.slice(0, 4)}${stamp.slice(5, 7)}${stamp.slice(8, 10)}`;
  const time = `${stamp.slice(11, 13)}${stamp.slice(14, 16)}${stamp.slice(17, 19)}`;
  // 65,536 suffixes per second: a few draws always find a free one; the bound only guards a
  // broken `random`.
  for (let attempt = 0; attempt < 1000; attempt++) {
    const id = `inc-${date}-${time}-${random()}`;
    if (!taken(id)) return id;
  }
  throw new Error(`No free incident id for ${stamp}; the random source repeats itself.`);
}
